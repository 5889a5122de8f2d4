import { localDay } from "@rapporteur/budget";
import type { ComparedSection } from "@rapporteur/report";
import type { CompareJob } from "../workers/compareJob";
import type { ServerWorkers } from "../workers/ServerWorkers";
import { workerJobHttpError } from "./workerJobHttpError";

/**
 * One section compared for the app (`json`, dated today) in the export worker pool; a refused
 * or stopped job is answered as the export's HTTP error (workerJobHttpError).
 */
export async function compareSectionInWorker(
  workers: ServerWorkers,
  sectionId: string,
  job: Omit<CompareJob, "kind" | "format" | "sectionId" | "date">,
): Promise<ComparedSection> {
  const compared = await workers
    .compare({ ...job, format: "json", sectionId, date: localDay() })
    .catch((error: unknown) => {
      throw workerJobHttpError(error, "export");
    });
  return compared as ComparedSection;
}
