import type { ReportView, SectionView } from "@rapporteur/api";
import { describe, expect, it } from "vitest";
import { applyBudgetEvent } from "./applyBudgetEvent";

const section = (id: string): SectionView => ({
  id,
  title: id,
  part: "p1",
  budget: 1000,
  guidance: "",
  words: 0,
  footnoteWords: 0,
  counted: 0,
  state: "short",
  status: "drafting",
  locked: false,
  leads: [],
  readOnly: false,
  allowedActions: ["submit"],
  updatedBy: null,
});

const report: ReportView = {
  title: "Report",
  shortTitle: "Report",
  symbol: "E/1",
  targetRange: { min: 30_000, max: 40_000 },
  footnotesCount: true,
  parts: [{ id: "p1", title: "Part" }],
  sections: [section("a"), section("b")],
  totals: {
    words: 0,
    footnoteWords: 0,
    budget: 2000,
    targetRange: { min: 30_000, max: 40_000 },
    counted: 0,
    allocationWarning: null,
  },
  revision: 0,
  mayEditOutline: true,
};

describe("applyBudgetEvent", () => {
  it("moves each section's allocation, counted words and state, and the target range", () => {
    const data = JSON.stringify({
      targetRange: { min: 25_000, max: 35_000 },
      footnotesCount: false,
      sections: [{ id: "a", budget: 500, counted: 600, state: "over" }],
      parts: [],
      totals: {},
    });
    const next = applyBudgetEvent(report, data);
    expect(next.targetRange).toEqual({ min: 25_000, max: 35_000 });
    // The Length panel counts footnote words as the setting says from then on.
    expect(next.footnotesCount).toBe(false);
    expect(next.sections[0]).toMatchObject({ budget: 500, counted: 600, state: "over" });
    expect(next.sections[1]).toBe(report.sections[1]);
  });

  it.each([
    "not json",
    "null",
    '{"sections":[{"id":"a","budget":"500","counted":1,"state":"over"}]}',
    '{"sections":[{"id":"a","budget":500,"counted":1,"state":"late"}]}',
  ])("ignores %j instead of showing a wrong state", (data) => {
    expect(applyBudgetEvent(report, data)).toBe(report);
  });
});
