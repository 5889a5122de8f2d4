import type { DocxTemplate } from "@rapporteur/docx";
import type { CitableSource } from "@rapporteur/evidence";
import type { Outline } from "@rapporteur/outline";
import {
  attributionBySection,
  type ChangeAttribution,
  type ComparedSection,
  type ComparisonInterval,
  compareSection,
  type ExportFormat,
  historySteps,
  renderComparison,
  type SectionSteps,
} from "@rapporteur/report";
import { docFromUpdates } from "./exportJob";

/**
 * A comparison to make in a worker (see ServerWorkers): the stored Yjs updates (or version
 * states) of the older and newer version of each compared section, as bytes, and the
 * attribution of each section's changes (gathered from the history on the server thread), so
 * that decoding, comparing and writing never run on the event loop.
 */
export interface CompareJob {
  kind: "compare";
  outline: Outline;
  /** Yjs updates of each section in the older version, oldest first (a version: its one state). */
  older: Record<string, Uint8Array[]>;
  /** Yjs updates of each section in the newer version (now: DocumentStore.load's updates). */
  newer: Record<string, Uint8Array[]>;
  /** `docx`/`md`: a file (renderComparison); `json`: one section for the app (compareSection). */
  format: ExportFormat | "json";
  /** Only this section; required for `json`. */
  sectionId?: string;
  /** Issue date, `YYYY-MM-DD`. */
  date: string;
  template?: DocxTemplate;
  /** Metadata of the evidence sources (EvidenceStore.citationSources), for citations' footnotes. */
  sources?: Record<number, CitableSource>;
  /** Author and date of each section's changes (sectionAttribution). */
  attribution: Record<string, ChangeAttribution>;
  /** Author and date of the changes of a section without an attribution. */
  fallback: ChangeAttribution;
  /** Each section's history between the two versions (comparisonInput): changes per author. */
  history?: Record<string, SectionSteps>;
  /** Display names of the history's authors by account id. */
  names?: Record<number, string>;
  /** The comparison's interval (older version's time, newer's). */
  interval?: ComparisonInterval;
}

/** Makes a comparison: a file's bytes, or `{ doc, changes }` of one section for `json`. */
export async function runCompareJob(job: CompareJob): Promise<Uint8Array | ComparedSection> {
  const attribution = attributionBySection(job.attribution, job.fallback);
  const interval = job.interval;
  const stepsOf = (id: string) => {
    const history = job.history?.[id];
    if (!history || !interval) return [];
    return historySteps(history, interval, (userId) => job.names?.[userId] ?? `User ${userId}`);
  };
  const decode = (sections: Record<string, Uint8Array[]>) =>
    Object.fromEntries(
      Object.entries(sections).map(([id, updates]) => [id, docFromUpdates(updates)]),
    );
  if (job.format === "json") {
    const id = job.sectionId;
    if (id === undefined) throw new Error("compare: a json comparison needs its section");
    return compareSection(
      docFromUpdates(job.older[id] ?? []),
      docFromUpdates(job.newer[id] ?? []),
      id,
      attribution,
      stepsOf(id),
    );
  }
  const file = await renderComparison({
    format: job.format,
    older: decode(job.older),
    newer: decode(job.newer),
    outline: job.outline,
    date: job.date,
    attribution,
    steps: Object.fromEntries(Object.keys(job.history ?? {}).map((id) => [id, stepsOf(id)])),
    ...(job.template ? { template: job.template } : {}),
    ...(job.sectionId !== undefined ? { sectionId: job.sectionId } : {}),
    citationSource: (id) => job.sources?.[id] ?? null,
  });
  return file.bytes;
}
