/** A `Y.RelativePosition` in its JSON form (`Y.relativePositionToJSON`). */
export interface RelativePositionJSON {
  type?: { client: number; clock: number };
  tname?: string;
  item?: { client: number; clock: number };
  assoc?: number;
}

/** Where a thread sits in its section: start and end of the range as Yjs relative positions. */
export interface CommentAnchor {
  start: RelativePositionJSON;
  end: RelativePositionJSON;
}

/** Someone who resolved a thread or decided a suggestion. */
export interface CommentActor {
  id: number;
  name: string;
}

/** A proposed replacement for the thread's range of text. */
export interface CommentSuggestion {
  replacement: string;
  state: "pending" | "accepted" | "rejected";
  decidedBy: CommentActor | null;
  decidedAt: string | null;
}

/** An answer in a thread: plain text. */
export interface CommentReply {
  id: number;
  threadId: number;
  authorId: number;
  authorName: string;
  text: string;
  createdAt: string;
  updatedAt: string;
}

/** A comment on a range of a section, with its replies, as the API serves it. */
export interface CommentThread {
  id: number;
  sectionId: string;
  authorId: number;
  authorName: string;
  /** Plain text: always shown as text, never as markup. */
  text: string;
  anchor: CommentAnchor;
  /** The text the comment was made on. */
  quote: string;
  state: "open" | "resolved";
  resolvedBy: CommentActor | null;
  resolvedAt: string | null;
  /** The commented text has been deleted from the section. */
  detached: boolean;
  suggestion: CommentSuggestion | null;
  createdAt: string;
  updatedAt: string;
  replies: CommentReply[];
}

/** Payload of a `comment` Server-Sent Event from `GET /api/events`. */
export interface CommentEvent {
  sectionId: string;
  threadId: number;
  thread: CommentThread | null;
  deleted: boolean;
  /** Open threads of the section after the change. */
  openComments: number;
}
