import {
  CommentStore,
  splitReview,
  storeReview,
  type UnplacedReviewItem,
} from "@rapporteur/comments";
import { DocxImportError, type DocxReview, readDocxReview } from "@rapporteur/docx-import";
import type { Outline } from "@rapporteur/outline";
import type { SqliteStore } from "@rapporteur/storage";
import { CliError } from "./CliError";
import type { CliIo } from "./CliIo";
import { loadSectionDoc } from "./loadSectionDoc";
import { MAX_DOCX_BYTES } from "./readDocxFile";
import { readInputFile } from "./readInputFile";

/** Who imports a review from the command line (no account): shown beside the Word authors. */
export const COMMAND_LINE_IMPORTER = { id: 0, name: "Command line import" };

/** Reads a reviewed Word file's tracked changes and comments; a bad file is a {@link CliError}. */
export async function readReviewFile(path: string): Promise<DocxReview> {
  const bytes = readInputFile(path, MAX_DOCX_BYTES);
  try {
    return await readDocxReview(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    if (error instanceof DocxImportError) {
      throw new CliError(`${path} cannot be imported as review: ${error.message}`);
    }
    throw error;
  }
}

/**
 * Stores a review as suggestions and threads: in section `sectionId`, or, without it, in each
 * section of the report found in the file by its heading (splitReview). Prints one line per
 * section and every item that could not be placed. The sections' text is only read.
 */
export async function importReviewFile(
  store: SqliteStore,
  outline: Outline,
  review: DocxReview,
  io: CliIo,
  sectionId?: string,
): Promise<{ suggestions: number; comments: number; unplaced: UnplacedReviewItem[] }> {
  const split = sectionId
    ? { bySection: new Map([[sectionId, review]]), outside: [] }
    : splitReview(review, outline.sections);
  const comments = new CommentStore(store.database);
  const unplaced = [...split.outside];
  let suggestions = 0;
  let threads = 0;
  for (const [id, part] of split.bySection) {
    const ydoc = await loadSectionDoc(store, id);
    const placed = storeReview(comments, id, ydoc, part, COMMAND_LINE_IMPORTER);
    ydoc.destroy();
    const created = placed.threads;
    const changed = created.filter((thread) => thread.suggestion !== null).length;
    suggestions += changed;
    threads += created.length - changed;
    unplaced.push(...placed.unplaced);
    io.stdout(`${id}: ${changed} suggestion(s), ${created.length - changed} comment(s)\n`);
  }
  for (const item of unplaced) {
    io.stderr(`not placed (${item.reason}): ${item.origin.author}: ${item.text}\n`);
  }
  return { suggestions, comments: threads, unplaced };
}
