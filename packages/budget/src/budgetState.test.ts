import { describe, expect, it } from "vitest";
import { allocationWarning } from "./allocationWarning";
import { budgetState } from "./budgetState";
import { countedWords } from "./countedWords";

describe("budgetState", () => {
  it.each([
    [0, 1000, "short"],
    [899, 1000, "short"],
    [900, 1000, "on_track"],
    [1000, 1000, "on_track"],
    [1100, 1000, "on_track"],
    [1101, 1000, "over"],
    [0, 0, "on_track"],
    [1, 0, "over"],
  ] as const)("%i words against %i is %s", (words, budget, state) => {
    expect(budgetState(words, budget)).toBe(state);
  });
});

describe("countedWords", () => {
  it("adds footnote words only when the report setting says they count", () => {
    expect(countedWords({ words: 100, footnoteWords: 20 }, true)).toBe(120);
    expect(countedWords({ words: 100, footnoteWords: 20 }, false)).toBe(100);
  });
});

describe("allocationWarning", () => {
  const range = { min: 30_000, max: 40_000 };
  it("is null when the allocations fit the range, bounds included", () => {
    expect(allocationWarning(35_000, range)).toBeNull();
    expect(allocationWarning(30_000, range)).toBeNull();
    expect(allocationWarning(40_000, range)).toBeNull();
  });
  it("says by how much the allocations fall short or run over", () => {
    expect(allocationWarning(28_500, range)).toBe(
      "The section allocations add up to 28,500 words, 1,500 below the minimum of 30,000.",
    );
    expect(allocationWarning(41_000, range)).toBe(
      "The section allocations add up to 41,000 words, 1,000 above the maximum of 40,000.",
    );
  });
});
