import { type SectionFacts, storedSectionFacts } from "../report/sectionFacts";

/** A section's facts to take in a worker, from its stored updates (see ServerWorkers). */
export interface CountJob {
  kind: "count";
  updates: Uint8Array[];
}

/** Counts the words of a section and lists its numberable blocks, from its stored updates. */
export function runCountJob(job: CountJob): Promise<SectionFacts> {
  return Promise.resolve(storedSectionFacts(job.updates));
}
