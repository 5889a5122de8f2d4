import type { ReportTotals, ReportView, SectionView, SectionWorkflowView } from "@rapporteur/api";
import {
  allocationWarning,
  type BudgetSettings,
  budgetState,
  countedWords,
} from "@rapporteur/budget";
import type { Outline, OutlineSection } from "@rapporteur/outline";
import type { WordCounts } from "./WordCounts";

// The view types are the contract with the web app: @rapporteur/api declares them.
export type {
  LeadView,
  ReportTotals,
  ReportView,
  SectionView,
  SectionWorkflowView,
} from "@rapporteur/api";

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

/** The report view without what depends on the asker and the server (revision, rights, formats). */
export type ReportContent = Omit<ReportView, "revision" | "mayEditOutline" | "exportFormats">;

/** The whole report: outline, per-section counts, budgets and workflow, totals. */
export function reportView(
  outline: Outline,
  counts: WordCounts,
  workflowOf: (sectionId: string) => SectionWorkflowView,
  budgets: BudgetSettings,
): ReportContent {
  const sections = outline.sections.map((s) => sectionView(s, counts, workflowOf(s.id), budgets));
  return {
    title: outline.report.title,
    shortTitle: outline.report.shortTitle,
    symbol: outline.report.symbol,
    targetRange: { ...budgets.targetRange },
    footnotesCount: budgets.footnotesCount,
    parts: outline.parts.map((p) => ({
      id: p.id,
      title: p.title,
      ...(p.frontMatter ? { frontMatter: true } : {}),
    })),
    sections,
    totals: reportTotals(sections, budgets),
  };
}
