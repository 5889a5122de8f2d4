import { DocxImportError, type DocxReview, readDocxReview } from "@rapporteur/docx-import";

/**
 * The outcome of reading a reviewed Word file: its review, or why the file is refused (`id` and
 * `message` of a 422 answer). Plain data, so that it can cross from the worker to the server.
 */
export type ReviewReading =
  | { ok: true; review: DocxReview }
  | { ok: false; id: string; message: string };

/**
 * Reads the tracked changes and comments of a Word file (readDocxReview), in the import worker:
 * unzipping and parsing are the heavy part of an import as review. Throws only on a bug.
 */
export async function readReviewJob(bytes: Uint8Array): Promise<ReviewReading> {
  try {
    return { ok: true, review: await readDocxReview(bytes) };
  } catch (error) {
    if (error instanceof DocxImportError)
      return { ok: false, id: error.id, message: error.message };
    throw error;
  }
}
