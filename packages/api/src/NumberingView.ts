import type { ReferenceBlock, ReferenceTarget, SectionNumbering } from "@rapporteur/schema";

/** One section's place in the report's numbering, with its title (for the reference picker). */
export interface SectionNumberingView extends SectionNumbering {
  title: string;
  /**
   * Its numbered paragraphs, tables and boxes with their numbers, excerpts and anchors (the
   * picker offers them; one without an anchor gets one from `POST /api/sections/:id/anchors`).
   */
  blocks: ReferenceBlock[];
}

/**
 * `GET /api/report/numbering`: the numbers the exports print, computed by the server from every
 * section (numberReport in @rapporteur/schema): each section's label and the paragraphs, tables
 * and boxes before it and in it, in outline order, and every cross-reference target by anchor
 * (section ids for sections), and each section's numbered blocks. The editor numbers its own
 * section after `before`, live.
 */
export interface ReportNumberingView {
  sections: SectionNumberingView[];
  targets: Record<string, ReferenceTarget>;
}
