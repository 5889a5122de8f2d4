import { describe, expect, it } from "vitest";
import { loadTimetable, parseTimetable, TimetableError } from "./loadTimetable";
import { draftingDeadline, periodEnd } from "./timetable";

describe("timetable", () => {
  it("loads content/timetable.yaml: drafting from October 2024 to February 2025", () => {
    const timetable = loadTimetable();
    const drafting = timetable.milestones.find((m) => m.id === "drafting");
    expect(drafting).toMatchObject({ start: "2024-10", end: "2025-02" });
    expect(draftingDeadline(timetable)).toBe("2025-02-28");
    expect(timetable.milestones.find((m) => m.id === "consultations")?.label).toBe(
      "Consultations, literature review and other research",
    );
  });

  it("ends a month on its last day", () => {
    expect(periodEnd("2024-02")).toBe("2024-02-29");
    expect(periodEnd("2024-12")).toBe("2024-12-31");
    expect(periodEnd("2025-04-15")).toBe("2025-04-15");
  });

  it.each([
    [
      "unknown field",
      "milestones:\n  - { id: a, label: A, start: 2024-01, end: 2024-02, extra: 1 }",
    ],
    ["bad month", "milestones:\n  - { id: a, label: A, start: 2024-13, end: 2024-12 }"],
    ["end before start", "milestones:\n  - { id: a, label: A, start: 2024-05, end: 2024-04 }"],
    [
      "duplicate ids",
      "milestones:\n  - { id: a, label: A, start: 2024-01, end: 2024-01 }\n  - { id: a, label: B, start: 2024-02, end: 2024-02 }",
    ],
    ["not YAML", "milestones: [ {"],
  ])("refuses a timetable with %s", (_what, text) => {
    expect(() => parseTimetable(text)).toThrow(TimetableError);
  });
});
