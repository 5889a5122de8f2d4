import { readStoredDocument } from "@rapporteur/storage";
import { type SectionFacts, storedSectionFacts } from "../report/sectionFacts";
import { workerDatabase } from "./workerDatabase";

/**
 * A section's facts to take in a worker (see ServerWorkers): from its stored updates, or read by
 * the worker itself from the database file (a large section's bytes then never cross the
 * server's event loop).
 */
export type CountJob =
  | { kind: "count"; updates: Uint8Array[] }
  | { kind: "count"; databaseFile: string; section: string };

/** Counts the words of a section and lists its numberable blocks and citations. */
export function runCountJob(job: CountJob): Promise<SectionFacts> {
  const updates =
    "updates" in job
      ? job.updates
      : readStoredDocument(workerDatabase(job.databaseFile), job.section).updates;
  return Promise.resolve(storedSectionFacts(updates));
}
