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
}

/** One section as the API shows it. */
export interface SectionView extends SectionWorkflowView {
  id: string;
  title: string;
  part: string;
  budget: number;
  guidance: string;
  words: number;
  footnoteWords: number;
}

/** The report as `GET /api/report` shows it. */
export interface ReportView {
  title: string;
  shortTitle: string;
  symbol: string;
  targetRange: { min: number; max: number };
  parts: { id: string; title: string }[];
  sections: SectionView[];
  totals: { words: number; footnoteWords: number; budget: number };
}

/** A section with its current counts and workflow. */
export function sectionView(
  section: OutlineSection,
  counts: WordCounts,
  workflow: SectionWorkflowView,
): SectionView {
  const count = counts.get(section.id);
  return {
    id: section.id,
    title: section.title,
    part: section.part,
    budget: section.budget,
    guidance: section.guidance,
    words: count.words,
    footnoteWords: count.footnoteWords,
    ...workflow,
  };
}

/** The whole report: outline, per-section counts and workflow, totals. */
export function reportView(
  outline: Outline,
  counts: WordCounts,
  workflowOf: (sectionId: string) => SectionWorkflowView,
): ReportView {
  const sections = outline.sections.map((s) => sectionView(s, counts, workflowOf(s.id)));
  return {
    title: outline.report.title,
    shortTitle: outline.report.shortTitle,
    symbol: outline.report.symbol,
    targetRange: { ...outline.report.targetRange },
    parts: outline.parts.map((p) => ({ id: p.id, title: p.title })),
    sections,
    totals: {
      words: sections.reduce((sum, s) => sum + s.words, 0),
      footnoteWords: sections.reduce((sum, s) => sum + s.footnoteWords, 0),
      budget: sections.reduce((sum, s) => sum + s.budget, 0),
    },
  };
}
