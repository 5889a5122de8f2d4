import { type CommentThread, matrixToCsv, matrixToDocx } from "@rapporteur/comments";

/** The comment/response matrix to render in a worker (see ServerWorkers). */
export interface MatrixJob {
  kind: "matrix";
  format: "csv" | "docx";
  /** The threads, in the order of the matrix (CommentService.threads). */
  threads: CommentThread[];
  /** Title of the Word document. */
  title: string;
  sectionTitles: Record<string, string>;
}

/** Renders the matrix: CSV (UTF-8, with its byte order mark) or Word bytes. */
export async function runMatrixJob(job: MatrixJob): Promise<Uint8Array> {
  if (job.format === "csv") {
    return new TextEncoder().encode(matrixToCsv(job.threads, { sectionTitles: job.sectionTitles }));
  }
  return matrixToDocx(job.threads, { title: job.title, sectionTitles: job.sectionTitles });
}
