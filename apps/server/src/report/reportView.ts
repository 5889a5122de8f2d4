import {
  allocationWarning,
  type BudgetSettings,
  type BudgetState,
  budgetState,
  countedWords,
  type TargetRange,
} from "@rapporteur/budget";
import type { Outline, OutlineSection } from "@rapporteur/outline";
import type { SectionStatus } from "@rapporteur/workflow";
import type { WordCounts } from "./WordCounts";

/** A lead drafter of a section, as the API shows them. */
export interface LeadView {
  id: number;
  username: string;
  displayName: string;
}

/** A section's place in the workflow and what the asking user may do with its text. */
export interface SectionWorkflowView {
  status: SectionStatus;
  /** Approved sections are locked: read-only to everyone but editors. */
  locked: boolean;
  leads: LeadView[];
  /** True when the asking user cannot edit the text (the server refuses their edits). */
  readOnly: boolean;
  /** Display name of who last changed the status or leads (null before any change). */
  updatedBy: string | null;
}

/** One section as the API shows it. */
export interface SectionView extends SectionWorkflowView {
  id: string;
  title: string;
  part: string;
  /** The allocation in force: an editor's, or the outline's. */
  budget: number;
  guidance: string;
  words: number;
  footnoteWords: number;
  /** Words counted against the budget (with footnote words when the report says they count). */
  counted: number;
  /** `counted` against `budget`: short below 90 %, over above 110 % (see @rapporteur/budget). */
  state: BudgetState;
}

/** The report's totals as `GET /api/report` and `GET /api/budget` show them. */
export interface ReportTotals {
  words: number;
  footnoteWords: number;
  /** Sum of the sections' allocations. */
  budget: number;
  targetRange: TargetRange;
  /** Words counted against the budget. */
  counted: number;
  /** Null, or why the allocations do not fit the target range. */
  allocationWarning: string | null;
}

/** The report as `GET /api/report` shows it. */
export interface ReportView {
  title: string;
  shortTitle: string;
  symbol: string;
  targetRange: { min: number; max: number };
  parts: { id: string; title: string }[];
  /** Whether footnote words count against the budgets. */
  footnotesCount: boolean;
  sections: SectionView[];
  totals: ReportTotals;
}

/** A section with its current counts, budget and workflow. */
export function sectionView(
  section: OutlineSection,
  counts: WordCounts,
  workflow: SectionWorkflowView,
  budgets: BudgetSettings,
): SectionView {
  const count = counts.get(section.id);
  const budget = budgets.allocations.get(section.id) ?? section.budget;
  const counted = countedWords(count, budgets.footnotesCount);
  return {
    id: section.id,
    title: section.title,
    part: section.part,
    budget,
    guidance: section.guidance,
    words: count.words,
    footnoteWords: count.footnoteWords,
    counted,
    state: budgetState(counted, budget),
    ...workflow,
  };
}

/** Totals of some sections against the report's target range. */
export function reportTotals(
  sections: readonly Pick<SectionView, "words" | "footnoteWords" | "budget" | "counted">[],
  budgets: BudgetSettings,
): ReportTotals {
  const budget = sections.reduce((sum, s) => sum + s.budget, 0);
  return {
    words: sections.reduce((sum, s) => sum + s.words, 0),
    footnoteWords: sections.reduce((sum, s) => sum + s.footnoteWords, 0),
    budget,
    targetRange: { ...budgets.targetRange },
    counted: sections.reduce((sum, s) => sum + s.counted, 0),
    allocationWarning: allocationWarning(budget, budgets.targetRange),
  };
}

/** The whole report: outline, per-section counts, budgets and workflow, totals. */
export function reportView(
  outline: Outline,
  counts: WordCounts,
  workflowOf: (sectionId: string) => SectionWorkflowView,
  budgets: BudgetSettings,
): ReportView {
  const sections = outline.sections.map((s) => sectionView(s, counts, workflowOf(s.id), budgets));
  return {
    title: outline.report.title,
    shortTitle: outline.report.shortTitle,
    symbol: outline.report.symbol,
    targetRange: { ...budgets.targetRange },
    footnotesCount: budgets.footnotesCount,
    parts: outline.parts.map((p) => ({ id: p.id, title: p.title })),
    sections,
    totals: reportTotals(sections, budgets),
  };
}
