import type { PreflightItem } from "@rapporteur/api";
import { type PreflightSection, preflight } from "@rapporteur/report";
import { docFromUpdates } from "./exportJob";

/**
 * The preflight of the final export to run in a worker (see ServerWorkers): each section's
 * facts (status, counts, open review) and its stored updates, decoded there.
 */
export interface PreflightJob {
  kind: "preflight";
  sections: (Omit<PreflightSection, "doc"> & { updates: Uint8Array[] })[];
}

/** The preflight's findings (see preflight in @rapporteur/report). */
export function runPreflightJob(job: PreflightJob): Promise<PreflightItem[]> {
  return Promise.resolve(
    preflight({
      sections: job.sections.map(({ updates, ...facts }) => ({
        ...facts,
        doc: docFromUpdates(updates),
      })),
    }),
  );
}
