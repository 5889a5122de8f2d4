import type { CommentAnchor } from "./commentAnchor";

/** The user acting on a comment (the HTTP layer passes the signed-in user). */
export interface CommentActor {
  id: number;
  /** Display name, kept with the comment as it was when written. */
  name: string;
}

/** `open` until someone resolves the thread. */
export type ThreadState = "open" | "resolved";

/** A suggestion waits for a drafter or editor to accept or reject it. */
export type SuggestionState = "pending" | "accepted" | "rejected";

/** A proposed replacement for the thread's range of text. */
export interface CommentSuggestion {
  /** Plain text that replaces the range (empty: delete the range). */
  replacement: string;
  state: SuggestionState;
  decidedBy: CommentActor | null;
  decidedAt: string | null;
}

/**
 * Who wrote a comment elsewhere, for comments imported from a reviewed Word file: the Word
 * author and date. The thread's own author is then the account that imported it.
 */
export interface CommentOrigin {
  author: string;
  /** ISO date-time from the Word file, or null when it had none. */
  date: string | null;
}

/** An answer in a thread. Text is plain text, never markup. */
export interface CommentReply {
  id: number;
  threadId: number;
  authorId: number;
  authorName: string;
  text: string;
  /** Set when the reply was imported from a reviewed Word file (see {@link CommentOrigin}). */
  origin: CommentOrigin | null;
  /** ISO date-time. */
  createdAt: string;
  updatedAt: string;
}

/** A comment on a range of a section's text, with its replies (oldest first). */
export interface CommentThread {
  id: number;
  sectionId: string;
  authorId: number;
  authorName: string;
  /** Plain text, never markup. */
  text: string;
  anchor: CommentAnchor;
  /** The text the comment was made on; kept when that text is later deleted. */
  quote: string;
  state: ThreadState;
  resolvedBy: CommentActor | null;
  resolvedAt: string | null;
  /** True when the commented text has been deleted from the section. */
  detached: boolean;
  suggestion: CommentSuggestion | null;
  /** Set when the thread was imported from a reviewed Word file (see {@link CommentOrigin}). */
  origin: CommentOrigin | null;
  createdAt: string;
  updatedAt: string;
  replies: CommentReply[];
}

/** What {@link CommentStore.createThread} needs. */
export interface NewThread {
  sectionId: string;
  /** Untrusted JSON from the client; validated against {@link commentAnchorSchema}. */
  anchor: unknown;
  /** The text the anchor covers, as the server resolved it (see `resolveAnchor`). */
  quote: string;
  text: string;
  suggestion?: { replacement: string };
}

/** A thread imported from a reviewed Word file (see `CommentStore.importThreads`). */
export interface ImportedThread extends NewThread {
  origin: CommentOrigin;
  /** Marked done in Word: stored resolved (by the importer). */
  resolved: boolean;
  replies: { text: string; origin: CommentOrigin }[];
}

/** A change of one thread, for pushing to the users who have its section open. */
export interface CommentChange {
  type: "created" | "updated" | "deleted";
  sectionId: string;
  threadId: number;
  /** The thread after the change, with its replies; null when deleted. */
  thread: CommentThread | null;
}
