import {
  EvidenceImportError,
  type ImportKind,
  type ParsedEvidence,
  parseEvidenceFile,
} from "@rapporteur/evidence";

/** An evidence file to read into sources (parseEvidenceFile). */
export interface EvidenceJob {
  kind: "evidence";
  bytes: Uint8Array;
  filename: string;
  importKind?: ImportKind;
}

/**
 * The outcome of reading an evidence file: its sources, or why it is refused (`id` and
 * `message` of a 422 answer). Plain data, so that it can cross from the worker to the server.
 */
export type EvidenceReading =
  | ({ ok: true } & ParsedEvidence)
  | { ok: false; id: string; message: string };

/**
 * Reads an evidence file (questionnaire, literature library, Word or PDF document) in the import
 * worker, where a hostile file meets the deadline and the heap limit. Throws only on a bug.
 */
export async function runEvidenceJob(job: EvidenceJob): Promise<EvidenceReading> {
  try {
    return { ok: true, ...(await parseEvidenceFile(job.bytes, job.filename, job.importKind)) };
  } catch (error) {
    if (error instanceof EvidenceImportError)
      return { ok: false, id: error.id, message: error.message };
    throw error;
  }
}
