import type { ReportNumberingView } from "@rapporteur/api";
import type { Outline } from "@rapporteur/outline";
import type { DocumentStore } from "@rapporteur/storage";
import type { ServerWorkers } from "../workers/ServerWorkers";

/**
 * Numbers the report in force as the exports print it, from the stored sections (stored before
 * anyone sees them), in the word-count worker.
 */
export async function numberStoredReport(
  outline: { current(): Outline },
  store: DocumentStore,
  workers: ServerWorkers,
): Promise<ReportNumberingView> {
  const { parts, sections } = outline.current();
  return workers.numbering({
    parts,
    sections: await Promise.all(
      sections.map(async (s) => ({
        id: s.id,
        part: s.part,
        title: s.title,
        updates: (await store.load(s.id)).updates,
      })),
    ),
  });
}
