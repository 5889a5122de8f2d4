import { describe, expect, it } from "vitest";
import { budgetStatus } from "./budgetStatus";

describe("budgetStatus", () => {
  it.each([
    [0, 2000, "empty"],
    [10, 2000, "under"],
    [1800, 2000, "near"],
    [2200, 2000, "near"],
    [2201, 2000, "over"],
    [5, 0, "over"],
  ])("%i words of %i is %s", (words, budget, status) => {
    expect(budgetStatus(words, budget)).toBe(status);
  });
});
