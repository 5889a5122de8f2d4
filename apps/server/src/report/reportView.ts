import type { Outline, OutlineSection } from "@rapporteur/outline";
import type { WordCounts } from "./WordCounts";

/** One section as the API shows it. */
export interface SectionView {
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

/** A section with its current counts. */
export function sectionView(section: OutlineSection, counts: WordCounts): SectionView {
  const count = counts.get(section.id);
  return {
    id: section.id,
    title: section.title,
    part: section.part,
    budget: section.budget,
    guidance: section.guidance,
    words: count.words,
    footnoteWords: count.footnoteWords,
  };
}

/** The whole report: outline, per-section counts and totals. */
export function reportView(outline: Outline, counts: WordCounts): ReportView {
  const sections = outline.sections.map((s) => sectionView(s, counts));
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
