import type { ReportNumberingView } from "@rapporteur/api";
import { type DocJSON, numberedOutline, numberReport } from "@rapporteur/schema";

/** The outline and each section's document, as {@link reportNumbering} reads them. */
export interface NumberingInput {
  parts: readonly { id: string; frontMatter?: boolean }[];
  sections: readonly { id: string; part: string; title: string; doc: DocJSON }[];
}

/**
 * The numbers the exports print (numberedOutline and numberReport, which the DOCX uses too), as
 * `GET /api/report/numbering` answers them. Pure.
 */
export function reportNumbering(input: NumberingInput): ReportNumberingView {
  const titles = new Map(input.sections.map((s) => [s.id, s.title]));
  const { targets, sections } = numberReport(numberedOutline(input.parts, input.sections));
  return {
    sections: sections.map((s) => ({ ...s, title: titles.get(s.id) ?? "" })),
    targets: Object.fromEntries(targets),
  };
}
