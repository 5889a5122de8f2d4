import type { BudgetView } from "@rapporteur/api";
import { describe, expect, it } from "vitest";
import { projectionSentence } from "./projectionSentence";

const base = {
  targetRange: { min: 30_000, max: 40_000 },
  totals: { counted: 12_000 } as BudgetView["totals"],
  deadline: "2025-02-28",
  today: "2024-12-01",
};

describe("projectionSentence", () => {
  it("says when the pace reaches the minimum and what the deadline would see", () => {
    expect(
      projectionSentence({
        ...base,
        projection: { wordsPerDay: 350.4, projectedDate: "2025-01-22", byDeadline: 42_800 },
      }),
    ).toEqual({
      pace: "At the current pace of 350 words/day the report reaches 30,000 words on 22 January 2025.",
      deadline: "By the end of drafting (28 February 2025) it would hold about 42,800 words.",
    });
  });

  it("says there is no progress yet when the pace leads nowhere", () => {
    const { pace } = projectionSentence({
      ...base,
      projection: { wordsPerDay: 0, projectedDate: null, byDeadline: 12_000 },
    });
    expect(pace).toBe(
      "No progress yet: at the current pace the report does not reach 30,000 words.",
    );
  });

  it("says the minimum is reached, and that drafting has ended once the deadline is past", () => {
    expect(
      projectionSentence({
        ...base,
        totals: { counted: 31_000 } as BudgetView["totals"],
        today: "2025-03-10",
        projection: { wordsPerDay: 10, projectedDate: "2025-03-10", byDeadline: 31_000 },
      }),
    ).toEqual({
      pace: "The report has reached its minimum of 30,000 words.",
      deadline: "Drafting was due to end on 28 February 2025.",
    });
  });
});
