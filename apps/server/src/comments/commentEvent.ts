import type { CommentChange, CommentStore, CommentThread } from "@rapporteur/comments";

/** The `comment` event of `/api/events`: one thread changed, was created or was deleted. */
export interface CommentEvent {
  sectionId: string;
  threadId: number;
  /** The thread after the change, with its replies; null when `deleted`. */
  thread: CommentThread | null;
  deleted: boolean;
  /** Open threads of the section now (for the outline's counts). */
  openComments: number;
}

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
