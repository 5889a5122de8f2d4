import { type CommentStore, commentAuthor, commentDate } from "@rapporteur/comments";
import type { ExportComment } from "@rapporteur/docx";

/**
 * The open comment threads of the report (or of one section) as the review copy shows them:
 * each thread on its quoted text, with its replies. Resolved threads are left out.
 */
export function exportComments(comments: CommentStore, sectionId?: string): ExportComment[] {
  return comments
    .listThreads({ state: "open", ...(sectionId ? { sectionId } : {}) })
    .map((thread) => ({
      sectionId: thread.sectionId,
      ...(thread.quote && !thread.detached ? { quote: thread.quote } : {}),
      author: commentAuthor(thread),
      date: commentDate(thread),
      text: thread.suggestion
        ? `${thread.text}\nSuggested text: "${thread.suggestion.replacement}"`
        : thread.text,
      replies: thread.replies.map((reply) => ({
        author: commentAuthor(reply),
        date: commentDate(reply),
        text: reply.text,
      })),
    }));
}
