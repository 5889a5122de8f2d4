import { describe, expect, it } from "vitest";
import { parseAllocation } from "./parseAllocation";

describe("parseAllocation", () => {
  it.each([
    ["1200", 1200],
    [" 1,200 ", 1200],
    ["0", 0],
    ["12 000", 12000],
  ])("reads %j as %d words", (text, words) => {
    expect(parseAllocation(text)).toBe(words);
  });

  it.each(["", "-5", "1.5", "many", "99999999999999999999"])("refuses %j", (text) => {
    expect(parseAllocation(text)).toBeNull();
  });
});
