import type { DocumentSettings } from "@rapporteur/api";
import type { DocxTemplate, ExportComment, ExportImage } from "@rapporteur/docx";
import type { CitableSource } from "@rapporteur/evidence";
import type { Outline } from "@rapporteur/outline";
import { assembleExportReport, type ExportSelection, renderExport } from "@rapporteur/report";
import { type DocJSON, yDocToJSON } from "@rapporteur/schema";
import { readStoredDocument } from "@rapporteur/storage";
import * as Y from "yjs";
import { workerDatabase } from "./workerDatabase";

/**
 * An export to render in a worker (see ServerWorkers): what the server thread gathers cheaply
 * (the stored updates of each section, the outline, the Word settings, the review comments),
 * so that decoding the sections and converting them never runs on the event loop.
 */
export interface ExportJob {
  kind: "export";
  outline: Outline;
  /** Stored Yjs updates of each exported section, oldest first (DocumentStore.load). */
  sections: Record<string, Uint8Array[]>;
  /**
   * The database file the worker reads the sections not in `sections` from (the report in
   * force: its bytes then never cross the event loop); without it they are empty.
   */
  storedIn?: string;
  selection: ExportSelection;
  /** Issue date, `YYYY-MM-DD`. */
  date: string;
  template?: DocxTemplate;
  comments: ExportComment[];
  /** The document settings in force (masthead lines, issue date, job number). */
  settings?: DocumentSettings;
  emblem?: ExportImage;
  /** Metadata of the evidence sources (EvidenceStore.citationSources), for citations' footnotes. */
  sources?: Record<number, CitableSource>;
}

/**
 * A section's document from its stored updates. An update that cannot be applied is left out,
 * as the collaboration server does when it loads the section (StorageExtension).
 */
export function docFromUpdates(updates: readonly Uint8Array[]): DocJSON {
  const build = (skip: Set<number>) => {
    const ydoc = new Y.Doc();
    ydoc.transact(() => {
      updates.forEach((update, i) => {
        if (!skip.has(i)) Y.applyUpdate(ydoc, update);
      });
    });
    return ydoc;
  };
  let ydoc: Y.Doc;
  try {
    ydoc = build(new Set());
  } catch {
    const skip = new Set<number>();
    updates.forEach((update, i) => {
      try {
        Y.applyUpdate(new Y.Doc(), update);
      } catch {
        skip.add(i);
      }
    });
    ydoc = build(skip);
  }
  try {
    return yDocToJSON(ydoc);
  } finally {
    ydoc.destroy();
  }
}

/** Renders an export: the file's bytes (Word or Markdown), as renderExport makes them. */
export async function runExportJob(job: ExportJob): Promise<Uint8Array> {
  const report = await assembleExportReport(
    job.outline,
    async (id) =>
      docFromUpdates(
        job.sections[id] ??
          (job.storedIn ? readStoredDocument(workerDatabase(job.storedIn), id).updates : []),
      ),
    {
      date: job.date,
      sectionId: job.selection.sectionId,
      ...(job.settings ? { settings: job.settings } : {}),
      ...(job.emblem ? { emblem: job.emblem } : {}),
      citationSource: (id) => job.sources?.[id] ?? null,
    },
  );
  return renderExport(report, job.selection, { template: job.template, comments: job.comments });
}
