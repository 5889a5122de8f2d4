import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isCalendarDay } from "./calendarDay";
import { projectBudget } from "./projectBudget";

const base = { today: "2024-12-15", target: 30_000, deadline: "2025-02-28" };

describe("projectBudget", () => {
  it("measures the pace over the last 14 days from the total held at the window's start", () => {
    const projection = projectBudget({
      ...base,
      // 2024-11-20 is the newest row on or before the window start (2024-12-01).
      history: [
        { date: "2024-11-01", words: 1_000 },
        { date: "2024-11-20", words: 8_000 },
        { date: "2024-12-10", words: 9_000 },
        { date: "2024-12-15", words: 9_500 },
      ],
      current: 15_000,
    });
    // (15,000 - 8,000) / 14 days = 500 a day.
    expect(projection.wordsPerDay).toBe(500);
    // 15,000 words missing at 500 a day: 30 days.
    expect(projection.projectedDate).toBe("2025-01-14");
    // 75 days to the end of February.
    expect(projection.byDeadline).toBe(15_000 + 500 * 75);
  });

  it("measures from the first row when the history is younger than the window", () => {
    const projection = projectBudget({
      ...base,
      history: [
        { date: "2024-12-11", words: 1_000 },
        { date: "2024-12-13", words: 1_500 },
      ],
      current: 3_000,
    });
    expect(projection.wordsPerDay).toBe(500);
    expect(projection.projectedDate).toBe(addDays(base.today, 54));
  });

  it("has no date without progress, and projects the current total to the deadline", () => {
    const today = projectBudget({
      ...base,
      history: [{ date: "2024-12-15", words: 10 }],
      current: 10,
    });
    expect(today).toEqual({ wordsPerDay: 0, projectedDate: null, byDeadline: 10 });
    const none = projectBudget({ ...base, history: [], current: 0 });
    expect(none).toEqual({ wordsPerDay: 0, projectedDate: null, byDeadline: 0 });
    const cutting = projectBudget({
      ...base,
      history: [{ date: "2024-12-05", words: 2_000 }],
      current: 1_000,
    });
    expect(cutting.wordsPerDay).toBe(-100);
    expect(cutting.projectedDate).toBeNull();
    expect(cutting.byDeadline).toBe(0);
  });

  it("gives today once the target is reached, and the current total once the deadline has passed", () => {
    const projection = projectBudget({
      ...base,
      today: "2025-03-10",
      history: [{ date: "2025-03-01", words: 29_000 }],
      current: 31_000,
    });
    expect(projection.projectedDate).toBe("2025-03-10");
    expect(projection.byDeadline).toBe(31_000);
    expect(
      projectBudget({ ...base, deadline: null, history: [], current: 5 }).byDeadline,
    ).toBeNull();
  });
});

describe("calendar days", () => {
  it("adds and counts days across months and leap years", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-01-01", -1)).toBe("2024-12-31");
    expect(daysBetween("2024-12-15", "2025-02-28")).toBe(75);
    expect(isCalendarDay("2025-02-29")).toBe(false);
    expect(isCalendarDay("2024-02-29")).toBe(true);
  });
});
