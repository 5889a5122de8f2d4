import { describe, expect, it } from "vitest";
import { budgetStatus } from "./budgetStatus";

describe("budgetStatus", () => {
  it("shows an empty section as empty, and otherwise the budget's state under the bar's names", () => {
    expect(budgetStatus(0, 2000)).toBe("empty");
    expect([10, 2200, 2201].map((words) => budgetStatus(words, 2000))).toEqual([
      "under",
      "near",
      "over",
    ]);
    expect(budgetStatus(5, 0)).toBe("over");
  });
});
