import { describe, expect, it } from "vitest";
import { unDate } from "./unDate";

describe("unDate: dates as UN documents write them", () => {
  it("prints days, months and timestamps without ambiguity", () => {
    expect(unDate("2026-12-07")).toBe("7 December 2026");
    expect(unDate("2026-12")).toBe("December 2026");
    expect(unDate(new Date(2026, 11, 7, 9, 5))).toBe("7 December 2026");
    expect(unDate(new Date(2026, 11, 7, 9, 5), { withTime: true })).toBe("7 December 2026, 09:05");
    expect(unDate(new Date(2026, 0, 31).getTime())).toBe("31 January 2026");
  });

  it("returns what it cannot read as given", () => {
    expect(unDate("2026-13-01")).toBe("2026-13-01");
    expect(unDate("soon")).toBe("soon");
  });
});
