import type { BudgetEvent, BudgetView, PartBudgetView } from "@rapporteur/api";
import {
  type BudgetSettings,
  budgetState,
  countedWords,
  draftingDeadline,
  type HistoryDay,
  projectBudget,
} from "@rapporteur/budget";
import type { Outline } from "@rapporteur/outline";
import {
  type ReportView,
  reportTotals,
  type SectionView,
  type SectionWorkflowView,
  sectionView,
} from "./reportView";
import type { WordCounts } from "./WordCounts";

export type { BudgetEvent, BudgetView, PartBudgetView } from "@rapporteur/api";

/** Totals per part, in outline order. */
export function partBudgets(
  outline: Outline,
  sections: readonly Pick<SectionView, "part" | "words" | "footnoteWords" | "counted" | "budget">[],
): PartBudgetView[] {
  return outline.parts.map((part) => {
    const own = sections.filter((s) => s.part === part.id);
    const sum = (key: "words" | "footnoteWords" | "counted" | "budget") =>
      own.reduce((total, s) => total + s[key], 0);
    const counted = sum("counted");
    const budget = sum("budget");
    return {
      id: part.id,
      title: part.title,
      words: sum("words"),
      footnoteWords: sum("footnoteWords"),
      counted,
      budget,
      state: budgetState(counted, budget),
    };
  });
}

/** The Budget page from the report view (sections, totals), the settings and the history. */
export function budgetView(
  outline: Outline,
  report: Pick<ReportView, "sections" | "totals">,
  budgets: BudgetSettings,
  history: readonly HistoryDay[],
  today: string,
): BudgetView {
  const { totals } = report;
  const days = history.map((day) => ({
    date: day.date,
    words: countedWords(day, budgets.footnotesCount),
  }));
  const deadline = draftingDeadline({ milestones: budgets.timetable });
  return {
    targetRange: { ...budgets.targetRange },
    footnotesCount: budgets.footnotesCount,
    parts: partBudgets(outline, report.sections),
    sections: report.sections,
    totals,
    remaining: {
      toMin: Math.max(0, totals.targetRange.min - totals.counted),
      toMax: totals.targetRange.max - totals.counted,
    },
    history: days,
    projection: projectBudget({
      history: days,
      current: totals.counted,
      today,
      target: totals.targetRange.min,
      deadline,
    }),
    timetable: budgets.timetable,
    timetableOverridden: budgets.timetableOverridden,
    deadline,
    today,
  };
}

/** The budget of every section and part with the report's totals, for the `budget` event. */
export function budgetEvent(
  outline: Outline,
  counts: WordCounts,
  budgets: BudgetSettings,
): BudgetEvent {
  // The event carries budgets only: the workflow part of the views is not sent.
  const noWorkflow: SectionWorkflowView = {
    status: "drafting",
    locked: false,
    leads: [],
    readOnly: true,
    allowedActions: [],
    updatedBy: null,
  };
  const sections = outline.sections.map((s) => sectionView(s, counts, noWorkflow, budgets));
  return {
    targetRange: { ...budgets.targetRange },
    footnotesCount: budgets.footnotesCount,
    sections: sections.map((s) => ({
      id: s.id,
      budget: s.budget,
      counted: s.counted,
      state: s.state,
    })),
    parts: partBudgets(outline, sections),
    totals: reportTotals(sections, budgets),
  };
}
