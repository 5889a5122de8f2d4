import type { DocumentSettings } from "@rapporteur/api";
import type { ExportReport } from "@rapporteur/docx";
import type { Outline } from "@rapporteur/outline";
import type { DocJSON } from "@rapporteur/schema";

/** Options of {@link assembleExportReport}. */
export interface AssembleOptions {
  /** Issue date, `YYYY-MM-DD`. */
  date: string;
  /** Only this section (and its part); the whole report when omitted. */
  sectionId?: string;
  /** The document settings in force (DocumentSettingsStore); the outline's title and symbol without. */
  settings?: DocumentSettings;
  /** The masthead's emblem image. */
  emblem?: ExportReport["emblem"];
}

/**
 * The report as the exporters take it: title and symbol from the outline, parts and sections in
 * outline order, each section's document read by `readDoc` (live or stored, never changed).
 * With `sectionId`, just that section under its part. The document settings, when given, replace
 * the title, symbol, issue date and masthead lines.
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
  const settings = options.settings;
  return {
    title: settings?.title ?? outline.report.title,
    symbol: settings?.symbol ?? outline.report.symbol,
    date: settings?.issueDate ?? options.date,
    ...(settings ? { masthead: mastheadOf(settings) } : {}),
    ...(options.emblem ? { emblem: options.emblem } : {}),
    parts: outline.parts
      .filter((p) => partIds.has(p.id))
      .map((p) => ({ id: p.id, title: p.title, ...(p.frontMatter ? { frontMatter: true } : {}) })),
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

function mastheadOf(settings: DocumentSettings): ExportReport["masthead"] {
  const { symbol: _symbol, title: _title, issueDate: _issueDate, ...lines } = settings;
  return lines;
}
