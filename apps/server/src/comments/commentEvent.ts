import type { CommentEvent } from "@rapporteur/api";
import type { CommentChange, CommentStore } from "@rapporteur/comments";

export type { CommentEvent } from "@rapporteur/api";

/** The event pushed to every open stream for a stored change of a thread. */
export function commentEvent(change: CommentChange, store: CommentStore): CommentEvent {
  return {
    sectionId: change.sectionId,
    threadId: change.threadId,
    thread: change.thread,
    deleted: change.type === "deleted",
    openComments: store.openCountsBySection().get(change.sectionId) ?? 0,
  };
}
