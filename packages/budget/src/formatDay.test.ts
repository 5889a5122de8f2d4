import { describe, expect, it } from "vitest";
import { formatDay } from "./formatDay";

describe("formatDay", () => {
  it.each([
    ["2025-03-12", "12 March 2025"],
    ["2025-02", "February 2025"],
    ["2024-12-01", "1 December 2024"],
    ["soon", "soon"],
    ["2025-13", "2025-13"],
  ])("prints %j as %j", (value, printed) => {
    expect(formatDay(value)).toBe(printed);
  });
});
