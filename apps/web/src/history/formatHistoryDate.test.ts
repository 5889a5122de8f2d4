import { describe, expect, it } from "vitest";
import { formatHistoryDate } from "./formatHistoryDate";

describe("formatHistoryDate", () => {
  it("writes day, month in full, year and 24-hour time, as UN documents do", () => {
    const local = new Date(2026, 11, 7, 14, 5);
    expect(formatHistoryDate(local.toISOString())).toBe("7 December 2026 14:05");
  });

  it("leaves what is not a date as it is", () => {
    expect(formatHistoryDate("soon")).toBe("soon");
  });
});
