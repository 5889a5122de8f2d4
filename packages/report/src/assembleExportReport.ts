import type { ExportReport } from "@rapporteur/docx";
import type { Outline } from "@rapporteur/outline";
import type { DocJSON } from "@rapporteur/schema";

/** Options of {@link assembleExportReport}. */
export interface AssembleOptions {
  /** Issue date, `YYYY-MM-DD`. */
  date: string;
  /** Only this section (and its part); the whole report when omitted. */
  sectionId?: string;
}

/**
 * The report as the exporters take it: title and symbol from the outline, parts and sections in
 * outline order, each section's document read by `readDoc` (live or stored, never changed).
 * With `sectionId`, just that section under its part.
 */
export async function assembleExportReport(
  outline: Outline,
  readDoc: (sectionId: string) => Promise<DocJSON>,
  options: AssembleOptions,
): Promise<ExportReport> {
  const sections = outline.sections.filter(
    (s) => options.sectionId === undefined || s.id === options.sectionId,
  );
  const partIds = new Set(sections.map((s) => s.part));
  return {
    title: outline.report.title,
    symbol: outline.report.symbol,
    date: options.date,
    parts: outline.parts
      .filter((p) => partIds.has(p.id))
      .map((p) => ({ id: p.id, title: p.title })),
    sections: await Promise.all(
      sections.map(async (s) => ({
        id: s.id,
        title: s.title,
        part: s.part,
        doc: await readDoc(s.id),
      })),
    ),
  };
}
