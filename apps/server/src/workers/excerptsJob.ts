import { type CodedExcerptRow, codedExcerptsCsv, codedExcerptsXlsx } from "@rapporteur/evidence";

/** The coded excerpts to write as a file in a worker (see ServerWorkers). */
export interface ExcerptsJob {
  kind: "excerpts";
  format: "csv" | "xlsx";
  rows: CodedExcerptRow[];
}

/** Writes the coded excerpts: CSV (UTF-8, with its byte order mark) or XLSX bytes. */
export async function runExcerptsJob(job: ExcerptsJob): Promise<Uint8Array> {
  if (job.format === "csv") return new TextEncoder().encode(codedExcerptsCsv(job.rows));
  return codedExcerptsXlsx(job.rows);
}
