import type { UnplacedReviewItem } from "@rapporteur/comments/thread";

/** Answer of `POST /api/sections/:id/import-review`: what a reviewed Word file became. */
export interface ReviewImportView {
  /** Tracked changes placed as suggestions (pending until someone who may edit accepts). */
  suggestions: number;
  /** Word comments placed as threads (with their replies). */
  comments: number;
  /** Changes and comments that could not be placed in the section, with the reason. */
  unplaced: UnplacedReviewItem[];
  /** What of the file is not carried over (formatting changes, changes in footnotes...). */
  warnings: string[];
}
