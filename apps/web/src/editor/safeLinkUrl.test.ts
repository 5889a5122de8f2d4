import { describe, expect, it } from "vitest";
import { safeLinkUrl } from "./safeLinkUrl";

describe("safeLinkUrl", () => {
  const accepted: Record<string, string> = {
    "https://unctad.org/cstd": "https://unctad.org/cstd",
    " http://itu.int ": "http://itu.int/",
    "unctad.org/topic/science-technology": "https://unctad.org/topic/science-technology",
    "www.itu.int": "https://www.itu.int/",
    "mailto:cstd@unctad.org": "mailto:cstd@unctad.org",
    "cstd@unctad.org": "mailto:cstd@unctad.org",
  };
  it.each(Object.entries(accepted))("accepts %j as %j", (input, href) => {
    expect(safeLinkUrl(input)).toBe(href);
  });

  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html,<script>",
    "file:///etc/passwd",
    "ftp://example.org",
    "not a link",
    "",
    "https://",
  ])("refuses %j", (input) => {
    expect(safeLinkUrl(input)).toBeNull();
  });
});
