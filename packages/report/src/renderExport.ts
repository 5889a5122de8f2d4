import type { DocxTemplate, ExportComment, ExportReport } from "@rapporteur/docx";
import { toDocx } from "@rapporteur/docx";
import { reportToMarkdown, toMarkdown } from "@rapporteur/markdown";
import { docxToPdf } from "./docxToPdf";

/** Formats of an export, by file extension. */
export type ExportFormat = "docx" | "md" | "pdf";

/** What to export: the format, the Word variant, and one section or the whole report. */
export interface ExportSelection {
  format: ExportFormat;
  /** `final` (default): clean copy. `review`: with the open comment threads (Word only). */
  variant?: "final" | "review";
  /** Only this section; `report` must then hold just that section (see assembleExportReport). */
  sectionId?: string;
}

/** Options of {@link renderExport}. */
export interface RenderExportOptions {
  /** Settings of the Word export (templates/); required for Word, unused for Markdown. */
  template?: DocxTemplate;
  /** Open comment threads, shown by the Word review copy only (see exportComments). */
  comments?: ExportComment[];
  /** Deadline of LibreOffice's PDF conversion, in ms (see docxToPdf). */
  pdfTimeoutMs?: number;
}

/**
 * The bytes of an export file, the same for the HTTP download and the command line: Word (final
 * or review copy with its comments), or Markdown (one section's document, or the whole report
 * with front matter), or PDF: the Word file rendered by LibreOffice (docxToPdf, which throws
 * PdfConversionError where LibreOffice is missing). Throws when a Word or PDF export is asked
 * for without its template.
 */
export async function renderExport(
  report: ExportReport,
  selection: ExportSelection,
  options: RenderExportOptions,
): Promise<Uint8Array> {
  if (selection.format === "docx" || selection.format === "pdf") {
    if (!options.template) throw new Error("renderExport: a Word export needs its template");
    const review = selection.variant === "review";
    const docx = await toDocx(report, options.template, {
      variant: selection.variant ?? "final",
      comments: review ? (options.comments ?? []) : [],
    });
    return selection.format === "pdf"
      ? docxToPdf(docx, { ...(options.pdfTimeoutMs ? { timeoutMs: options.pdfTimeoutMs } : {}) })
      : docx;
  }
  const first = report.sections[0];
  const markdown =
    selection.sectionId !== undefined && first
      ? toMarkdown(first.doc, report.citations)
      : reportToMarkdown(report);
  return new TextEncoder().encode(markdown);
}
