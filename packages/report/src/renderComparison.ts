import {
  type AttributedStep,
  type Attribution,
  attributeSteps,
  compareReports,
  type ReportDocs,
} from "@rapporteur/compare";
import { type DocxTemplate, toDocx } from "@rapporteur/docx";
import { reportToCriticMarkup, toCriticMarkup } from "@rapporteur/markdown";
import type { Outline } from "@rapporteur/outline";
import type { DocJSON } from "@rapporteur/schema";
import { type AssembleOptions, assembleExportReport } from "./assembleExportReport";
import { exportFileName } from "./exportFileName";
import type { ExportFormat } from "./renderExport";

/** What {@link renderComparison} compares and how it writes the result. */
export interface ComparisonRequest {
  /** `docx`: Word with tracked changes. `md`: Markdown with CriticMarkup. */
  format: ExportFormat;
  /** The older version's section documents by section id (e.g. a named version). */
  older: ReportDocs;
  /** The newer version's section documents by section id (a later version, or the live text). */
  newer: ReportDocs;
  /** Titles, parts and section order of the report. */
  outline: Outline;
  /** Issue date printed on the Word masthead, `YYYY-MM-DD`. */
  date: string;
  /** Settings of the Word export (templates/); required for `docx`. */
  template?: DocxTemplate;
  /** Only this section (under its part); the whole report when omitted. */
  sectionId?: string;
  /**
   * Author and date of each change: one for all, or a function asked per change (kind, text,
   * section), e.g. backed by the attributed history. Default: "Rapporteur", now.
   */
  attribution?: Attribution;
  /**
   * The steps each section's text went through from the older to the newer version (historySteps):
   * each change is then credited to the step that made it (attributeSteps), `attribution` only
   * where the steps cannot tell.
   */
  steps?: Readonly<Record<string, readonly AttributedStep[]>>;
  /** The evidence source `id` as it is now, for the footnotes of citations (assembleExportReport). */
  citationSource?: AssembleOptions["citationSource"];
}

/** The file of a comparison: its bytes and file name, ready for a download. */
export interface ComparisonFile {
  bytes: Uint8Array;
  /** E.g. `E-CN.16-2025-CRP.1-changes.docx` or `E-CN.16-2025-CRP.1-p1-access-changes.md`. */
  fileName: string;
}

const EMPTY: DocJSON = { type: "doc", content: [{ type: "paragraph" }] };

/**
 * Writes the changes between two versions of the report as one file, for the HTTP export
 * (`GET /api/export?format=docx|md&compare=<versionId>[&to=<versionId>][&section=ID]`) and the
 * command line (`rapporteur export --compare VERSION [--to VERSION]`): Word in the UN layout of
 * the final export (masthead, numbering, footnotes) with real tracked changes (`w:ins`/`w:del`,
 * with author and date) that Word lists in its Review pane, or Markdown with CriticMarkup.
 *
 * Accepting all changes in Word gives the newer text, rejecting all the older. The Word file does
 * not switch on "Track Changes" for later edits; Word shows the changes when it opens the file.
 * Sections are matched by id; one missing from a version counts as empty in it, so a section only
 * one version has is shown inserted or deleted whole. Pure apart from the date default; run it
 * off the event loop (a worker) like renderExport for the whole report.
 */
export async function renderComparison(request: ComparisonRequest): Promise<ComparisonFile> {
  const { outline, sectionId } = request;
  const wanted = (docs: ReportDocs) =>
    sectionId === undefined
      ? docs
      : Object.hasOwn(docs, sectionId)
        ? { [sectionId]: docs[sectionId]! }
        : {};
  const older = wanted(request.older);
  const newer = wanted(request.newer);
  const compared = compareReports(older, newer, {
    ...(request.attribution ? { attribution: request.attribution } : {}),
  });
  for (const [id, steps] of Object.entries(request.steps ?? {})) {
    const before = older[id];
    const after = newer[id];
    if (before && after && compared[id]) {
      compared[id] = attributeSteps(compared[id], before, after, steps);
    }
  }
  const report = await assembleExportReport(outline, async (id) => compared[id] ?? EMPTY, {
    date: request.date,
    ...(sectionId !== undefined ? { sectionId } : {}),
    ...(request.citationSource ? { citationSource: request.citationSource } : {}),
  });
  const fileName = exportFileName(report.symbol, request.format, { sectionId }).replace(
    /\.(docx|md)$/,
    "-changes.$1",
  );
  if (request.format === "docx") {
    if (!request.template) throw new Error("renderComparison: a Word export needs its template");
    return {
      bytes: await toDocx(report, request.template, { variant: "final" }),
      fileName,
    };
  }
  const first = report.sections[0];
  const markdown =
    sectionId !== undefined && first
      ? toCriticMarkup(first.doc, { authors: true, citations: report.citations })
      : reportToCriticMarkup(report, { authors: true });
  return { bytes: new TextEncoder().encode(markdown), fileName };
}
