import type { ReferenceTarget, SectionNumbering } from "@rapporteur/schema";

/** One section's place in the report's numbering, with its title (for the reference picker). */
export interface SectionNumberingView extends SectionNumbering {
  title: string;
}

/**
 * `GET /api/report/numbering`: the numbers the exports print, computed by the server from every
 * section (numberReport in @rapporteur/schema): each section's label and the paragraphs, tables
 * and boxes before it and in it, in outline order, and every cross-reference target by anchor
 * (section ids for sections). The editor numbers its own section after `before`, live.
 */
export interface ReportNumberingView {
  sections: SectionNumberingView[];
  targets: Record<string, ReferenceTarget>;
}
