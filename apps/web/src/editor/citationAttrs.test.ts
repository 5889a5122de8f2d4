import { describe, expect, it } from "vitest";
import { CITATION_TEXT_MAX, citationAttrs, citationName } from "./citationAttrs";

describe("citation attributes", () => {
  it("keeps a trimmed locator and excerpt, null when empty", () => {
    expect(citationAttrs(4, { excerpt: "  Rural\n access  lags ", locator: " p. 12 " })).toEqual({
      sourceId: 4,
      excerpt: "Rural access lags",
      locator: "p. 12",
    });
    expect(citationAttrs(4)).toEqual({ sourceId: 4, excerpt: null, locator: null });
    expect(citationAttrs(4, { excerpt: " ", locator: "" })).toEqual({
      sourceId: 4,
      excerpt: null,
      locator: null,
    });
  });

  it("cuts an excerpt longer than the schema keeps, marking the cut", () => {
    const long = "word ".repeat(1000);
    const { excerpt } = citationAttrs(1, { excerpt: long });
    expect(excerpt).toHaveLength(CITATION_TEXT_MAX);
    expect(excerpt?.endsWith("…")).toBe(true);
  });

  it("names a citation by its title and locator", () => {
    expect(citationName("Broadband study", "para. 4")).toBe("Broadband study, para. 4");
    expect(citationName("Broadband study", null)).toBe("Broadband study");
  });
});
