import type { DocumentCount } from "@rapporteur/wordcount";
import { countStoredUpdates } from "../report/countYDoc";

/** A section's word count to take in a worker, from its stored updates (see ServerWorkers). */
export interface CountJob {
  kind: "count";
  updates: Uint8Array[];
}

/** Counts the words of a section from its stored updates. */
export function runCountJob(job: CountJob): Promise<DocumentCount> {
  return Promise.resolve(countStoredUpdates(job.updates));
}
