import type { ReportNumberingView } from "@rapporteur/api";
import { type DocJSON, numberedOutline, numberReport, referenceBlocks } from "@rapporteur/schema";

/** The outline and each section's document, as {@link reportNumbering} reads them. */
export interface NumberingInput {
  parts: readonly { id: string; frontMatter?: boolean }[];
  sections: readonly { id: string; part: string; title: string; doc: DocJSON }[];
}

/**
 * The numbers the exports print (numberedOutline and numberReport, which the DOCX uses too), as
 * `GET /api/report/numbering` answers them, with each section's numbered blocks. Pure.
 */
export function reportNumbering(input: NumberingInput): ReportNumberingView {
  const titles = new Map(input.sections.map((s) => [s.id, s.title]));
  const ordered = numberedOutline(input.parts, input.sections);
  const { targets, sections } = numberReport(ordered);
  return {
    sections: sections.map((s, i) => ({
      ...s,
      title: titles.get(s.id) ?? "",
      blocks: referenceBlocks(ordered[i]!.doc, s.frontMatter, s.before),
    })),
    targets: Object.fromEntries(targets),
  };
}
