import type { DocumentSettings } from "@rapporteur/api";
import type { ExportReport } from "@rapporteur/docx";
import { type CitableSource, formatCitation } from "@rapporteur/evidence";
import type { Outline } from "@rapporteur/outline";
import { type CitationText, citationKey, type DocJSON } from "@rapporteur/schema";

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
  /**
   * The evidence source `id` as it is now (EvidenceStore), or null: the footnotes of citations
   * are formatted from it. Without it every citation prints as a missing source.
   */
  citationSource?: (id: number) => CitableSource | null;
}

function citationsIn(node: DocJSON, out: DocJSON[]): DocJSON[] {
  if (node.type === "citation") out.push(node);
  for (const child of node.content ?? []) citationsIn(child, out);
  return out;
}

/** The source ids cited by a section document, in document order (repeats included). */
export function citedSourceIds(doc: DocJSON): number[] {
  return citationsIn(doc, []).map((node) => Number(node.attrs?.sourceId));
}

/**
 * The footnote text of every citation of the documents, by citationKey, formatted now from the
 * cited source's current metadata (`source`); a source that is gone is left out (the exporters
 * print it as missing).
 */
export function citationTexts(
  docs: readonly DocJSON[],
  source: (id: number) => CitableSource | null,
): Record<string, CitationText> {
  const texts: Record<string, CitationText> = {};
  for (const doc of docs) {
    for (const node of citationsIn(doc, [])) {
      const key = citationKey(node.attrs);
      if (texts[key]) continue;
      const found = source(Number(node.attrs?.sourceId));
      if (found) {
        texts[key] = formatCitation(found, {
          excerpt: node.attrs?.excerpt as string | null,
          locator: node.attrs?.locator as string | null,
        });
      }
    }
  }
  return texts;
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
  const docs = await Promise.all(
    sections.map(async (s) => ({
      id: s.id,
      title: s.title,
      part: s.part,
      doc: await readDoc(s.id),
    })),
  );
  return {
    title: settings?.title ?? outline.report.title,
    symbol: settings?.symbol ?? outline.report.symbol,
    date: settings?.issueDate ?? options.date,
    ...(settings ? { masthead: mastheadOf(settings) } : {}),
    ...(options.emblem ? { emblem: options.emblem } : {}),
    parts: outline.parts
      .filter((p) => partIds.has(p.id))
      .map((p) => ({ id: p.id, title: p.title, ...(p.frontMatter ? { frontMatter: true } : {}) })),
    sections: docs,
    ...(options.citationSource
      ? {
          citations: citationTexts(
            docs.map((s) => s.doc),
            options.citationSource,
          ),
        }
      : {}),
  };
}

function mastheadOf(settings: DocumentSettings): ExportReport["masthead"] {
  const { symbol: _symbol, title: _title, issueDate: _issueDate, ...lines } = settings;
  return lines;
}
