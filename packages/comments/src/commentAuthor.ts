import type { CommentOrigin } from "./commentThread";

/**
 * Who a comment or reply is by, as people read it: the Word author for one imported from a
 * reviewed Word file, else the account that wrote it. The one rule for the app, the matrix and
 * the review copy.
 */
export function commentAuthor(item: { authorName: string; origin: CommentOrigin | null }): string {
  return item.origin ? item.origin.author : item.authorName;
}

/** When a comment or reply was written: the Word date of an imported one, else when stored. */
export function commentDate(item: { createdAt: string; origin: CommentOrigin | null }): string {
  return item.origin?.date ?? item.createdAt;
}
