import type { ReportNumberingView } from "@rapporteur/api";
import { type NumberingInput, reportNumbering } from "@rapporteur/report";
import { docFromUpdates } from "./exportJob";

/** The report's numbering to compute in a worker (see ServerWorkers), from stored updates. */
export interface NumberingJob {
  kind: "numbering";
  parts: NumberingInput["parts"];
  sections: (Omit<NumberingInput["sections"][number], "doc"> & { updates: Uint8Array[] })[];
}

/** The numbers the exports print (see reportNumbering in @rapporteur/report). */
export function runNumberingJob(job: NumberingJob): Promise<ReportNumberingView> {
  return Promise.resolve(
    reportNumbering({
      parts: job.parts,
      sections: job.sections.map(({ updates, ...section }) => ({
        ...section,
        doc: docFromUpdates(updates),
      })),
    }),
  );
}
