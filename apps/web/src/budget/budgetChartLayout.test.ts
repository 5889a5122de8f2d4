import type { BudgetView } from "@rapporteur/api";
import { describe, expect, it } from "vitest";
import { budgetChartLayout } from "./budgetChartLayout";

const view: Parameters<typeof budgetChartLayout>[0] = {
  history: [
    { date: "2024-11-01", words: 5_000 },
    { date: "2024-10-01", words: 0 },
    { date: "2024-12-01", words: 12_000 },
  ],
  timetable: [
    { id: "consultations", label: "Consultations", start: "2024-05", end: "2024-12" },
    { id: "drafting", label: "Drafting of report", start: "2024-10", end: "2025-02" },
  ],
  targetRange: { min: 30_000, max: 40_000 },
  totals: { counted: 12_000 } as BudgetView["totals"],
  projection: { wordsPerDay: 300, projectedDate: "2025-01-30", byDeadline: 36_000 },
  today: "2024-12-01",
  deadline: "2025-02-28",
};

describe("budgetChartLayout", () => {
  const layout = budgetChartLayout(view);

  it("draws the history in date order, rising as the words grow", () => {
    expect(layout.points.map((p) => p.date)).toEqual(["2024-10-01", "2024-11-01", "2024-12-01"]);
    const [a, b, c] = layout.points;
    expect(a!.x).toBeLessThan(b!.x);
    expect(b!.x).toBeLessThan(c!.x);
    expect(a!.y).toBe(layout.plot.bottom);
    expect(c!.y).toBeLessThan(b!.y);
  });

  it("spans the timetable on the time axis and puts the target band inside the plot", () => {
    expect(layout.lanes.map((l) => l.id)).toEqual(["consultations", "drafting"]);
    expect(layout.lanes[0]!.x).toBeCloseTo(layout.plot.left);
    expect(layout.lanes[1]!.x + layout.lanes[1]!.width).toBeCloseTo(layout.plot.right);
    expect(layout.targetBand.maxY).toBeGreaterThan(layout.plot.top);
    expect(layout.targetBand.minY).toBeLessThan(layout.plot.bottom);
    expect(layout.xTicks.map((t) => t.label)).toContain("Jan 2025");
  });

  it("projects the pace from today towards the minimum, and marks the drafting deadline", () => {
    expect(layout.projection).not.toBeNull();
    expect(layout.projection!.x1).toBeCloseTo(layout.today.x);
    expect(layout.projection!.y2).toBeCloseTo(layout.targetBand.minY);
    expect(layout.deadline!.x).toBeCloseTo(layout.plot.right);
  });

  it("draws no projection without progress", () => {
    const still = budgetChartLayout({
      ...view,
      projection: { wordsPerDay: 0, projectedDate: null, byDeadline: 12_000 },
    });
    expect(still.projection).toBeNull();
  });
});
