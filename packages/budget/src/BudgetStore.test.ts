import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteStore } from "@rapporteur/storage";
import { afterEach, describe, expect, it } from "vitest";
import { BudgetStore } from "./BudgetStore";
import { WordHistory } from "./WordHistory";

const defaults = {
  targetRange: { min: 30_000, max: 40_000 },
  footnotesCount: true,
  allocations: new Map([
    ["a", 1_000],
    ["b", 2_000],
  ]),
  timetable: {
    milestones: [{ id: "drafting", label: "Drafting", start: "2024-10", end: "2025-02" }],
  },
};

describe("BudgetStore and WordHistory", () => {
  const stores: SqliteStore[] = [];
  const open = () => {
    const store = SqliteStore.open(mkdtempSync(join(tmpdir(), "rapporteur-budget-")));
    stores.push(store);
    return store.database;
  };
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
  });

  it("serves the defaults until an editor changes something, and goes back to them on null", () => {
    const budgets = new BudgetStore(open(), defaults);
    const heard: number[] = [];
    budgets.onChange((s) => heard.push(s.targetRange.min));
    expect(budgets.settings()).toMatchObject({
      targetRange: { min: 30_000, max: 40_000 },
      footnotesCount: true,
      timetableOverridden: false,
    });
    budgets.update({ targetRange: { min: 20_000, max: 25_000 }, footnotesCount: false }, "ed");
    budgets.setAllocation("b", 500, "ed");
    const changed = budgets.settings();
    expect(changed.targetRange).toEqual({ min: 20_000, max: 25_000 });
    expect(changed.footnotesCount).toBe(false);
    expect([...changed.allocations]).toEqual([
      ["a", 1_000],
      ["b", 500],
    ]);
    expect([...changed.overridden]).toEqual(["b"]);
    budgets.update({ targetRange: null }, "ed");
    budgets.setAllocation("b", null, "ed");
    expect(budgets.settings().targetRange).toEqual({ min: 30_000, max: 40_000 });
    expect(budgets.settings().allocations.get("b")).toBe(2_000);
    expect(budgets.settings().footnotesCount).toBe(false);
    expect(heard).toEqual([20_000, 20_000, 30_000, 30_000]);
    expect(() => budgets.setAllocation("nope", 1, "ed")).toThrow(RangeError);
  });

  it("stores a replacement timetable", () => {
    const budgets = new BudgetStore(open(), defaults);
    const milestones = [{ id: "drafting", label: "Drafting", start: "2024-11", end: "2025-03" }];
    expect(budgets.setTimetable(milestones, "ed")).toMatchObject({
      timetable: milestones,
      timetableOverridden: true,
    });
    expect(budgets.setTimetable(null, "ed").timetable).toEqual(defaults.timetable.milestones);
  });

  it("keeps one history row per day, the last total recorded that day", () => {
    const history = new WordHistory(open());
    history.record("2024-12-02", { words: 50, footnoteWords: 5 });
    history.record("2024-12-01", { words: 10, footnoteWords: 0 });
    history.record("2024-12-02", { words: 70, footnoteWords: 6 });
    expect(history.list()).toEqual([
      { date: "2024-12-01", words: 10, footnoteWords: 0 },
      { date: "2024-12-02", words: 70, footnoteWords: 6 },
    ]);
  });
});
