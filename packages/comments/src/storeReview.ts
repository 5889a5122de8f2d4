import type { DocxReview } from "@rapporteur/docx-import";
import type * as Y from "yjs";
import type { CommentStore } from "./CommentStore";
import type { CommentActor, CommentThread } from "./commentThread";
import { placeReview, type UnplacedReviewItem } from "./placeReview";

/**
 * Places the review of a Word file on a section (placeReview) and stores it at once as threads
 * by `importer` with their Word authors (CommentStore.importThreads): what the server does on
 * the live document and the command line on the stored one. Reads `ydoc` only.
 */
export function storeReview(
  store: CommentStore,
  sectionId: string,
  ydoc: Y.Doc,
  review: DocxReview,
  importer: CommentActor,
): { threads: CommentThread[]; unplaced: UnplacedReviewItem[] } {
  const placed = placeReview(ydoc, review);
  const threads = store.importThreads(
    placed.threads.map((thread) => ({
      sectionId,
      anchor: thread.anchor,
      quote: thread.quote,
      text: thread.text,
      ...(thread.suggestion ? { suggestion: thread.suggestion } : {}),
      origin: thread.origin,
      resolved: thread.done,
      replies: thread.replies,
    })),
    importer,
  );
  return { threads, unplaced: placed.unplaced };
}
