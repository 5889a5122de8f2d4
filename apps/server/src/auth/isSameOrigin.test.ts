import { describe, expect, it } from "vitest";
import { claimedOrigin, isSameOrigin } from "./isSameOrigin";

describe("isSameOrigin", () => {
  it.each([
    ["http://127.0.0.1:3000", "127.0.0.1:3000", true],
    ["https://rapporteur.unctad.org", "rapporteur.unctad.org", true],
    ["https://rapporteur.unctad.org", "rapporteur.unctad.org:443", true],
    ["http://Rapporteur.example", "rapporteur.example", true],
    ["http://127.0.0.1:3001", "127.0.0.1:3000", false],
    ["https://evil.example", "rapporteur.unctad.org", false],
    ["https://rapporteur.unctad.org.evil.example", "rapporteur.unctad.org", false],
    ["null", "127.0.0.1:3000", false],
    ["file:///etc/passwd", "", false],
    ["not a url", "127.0.0.1:3000", false],
    [undefined, "127.0.0.1:3000", false],
  ])("%s against Host %s -> %s", (origin, host, expected) => {
    expect(isSameOrigin(origin, host)).toBe(expected);
  });

  it("falls back to the origin of the Referer", () => {
    expect(claimedOrigin({ referer: "http://127.0.0.1:3000/sections/p1-access?x=1" })).toBe(
      "http://127.0.0.1:3000",
    );
    expect(claimedOrigin({ origin: "http://a", referer: "http://b/" })).toBe("http://a");
    expect(claimedOrigin({ referer: "::" })).toBeUndefined();
    expect(claimedOrigin({})).toBeUndefined();
  });
});
