import { isSectionId } from "@rapporteur/outline/sectionId";
import type { Database } from "better-sqlite3";
import { CommentError } from "./CommentError";
import { type CommentAnchor, commentAnchorSchema } from "./commentAnchor";
import { commentText, quoteText, replacementText } from "./commentText";
import type {
  CommentActor,
  CommentChange,
  CommentOrigin,
  CommentReply,
  CommentThread,
  ImportedThread,
  NewThread,
  SuggestionState,
  ThreadState,
} from "./commentThread";

/** Filters of {@link CommentStore.listThreads}; all optional, combined with "and". */
export interface ThreadFilter {
  sectionId?: string;
  authorId?: number;
  state?: ThreadState;
}

/** Options of {@link CommentStore.decideSuggestion}. */
export interface DecideOptions {
  /**
   * Applies an accepted suggestion to the section (usually `applySuggestion` on the live
   * document); called after the checks and before anything is stored. Returning false (the text
   * is gone) refuses the acceptance with `detached` and marks the thread detached.
   */
  apply?: (thread: CommentThread) => boolean;
}

interface ThreadRow {
  id: number;
  section_id: string;
  author_id: number;
  author_name: string;
  text: string;
  anchor: string;
  quote: string;
  state: ThreadState;
  resolved_by_id: number | null;
  resolved_by_name: string | null;
  resolved_at: string | null;
  detached: number;
  replacement: string | null;
  suggestion_state: SuggestionState | null;
  decided_by_id: number | null;
  decided_by_name: string | null;
  decided_at: string | null;
  origin_author: string | null;
  origin_date: string | null;
  created_at: string;
  updated_at: string;
}

interface ReplyRow {
  id: number;
  thread_id: number;
  author_id: number;
  author_name: string;
  text: string;
  origin_author: string | null;
  origin_date: string | null;
  created_at: string;
  updated_at: string;
}

function originOf(row: {
  origin_author: string | null;
  origin_date: string | null;
}): CommentOrigin | null {
  return row.origin_author === null ? null : { author: row.origin_author, date: row.origin_date };
}

function actorOf(id: number | null, name: string | null): CommentActor | null {
  return id === null || name === null ? null : { id, name };
}

function toReply(row: ReplyRow): CommentReply {
  return {
    id: row.id,
    threadId: row.thread_id,
    authorId: row.author_id,
    authorName: row.author_name,
    text: row.text,
    origin: originOf(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toThread(row: ThreadRow, replies: CommentReply[]): CommentThread {
  return {
    id: row.id,
    sectionId: row.section_id,
    authorId: row.author_id,
    authorName: row.author_name,
    text: row.text,
    anchor: JSON.parse(row.anchor) as CommentAnchor,
    quote: row.quote,
    state: row.state,
    resolvedBy: actorOf(row.resolved_by_id, row.resolved_by_name),
    resolvedAt: row.resolved_at,
    detached: row.detached === 1,
    suggestion:
      row.replacement === null || row.suggestion_state === null
        ? null
        : {
            replacement: row.replacement,
            state: row.suggestion_state,
            decidedBy: actorOf(row.decided_by_id, row.decided_by_name),
            decidedAt: row.decided_at,
          },
    origin: originOf(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    replies,
  };
}

// Ids come from URLs: anything but a positive integer is simply not found.
function validId(id: unknown): id is number {
  return typeof id === "number" && Number.isSafeInteger(id) && id > 0;
}

/**
 * Comment threads and their replies, in the report's SQLite database (tables from storage
 * migration 5), apart from the sections' text so that commenting never needs write access to it.
 *
 * The store enforces what holds whatever the role: texts are plain and bounded, only the author
 * edits or deletes a comment or reply, a suggestion is decided once. Who may comment, resolve or
 * decide suggestions at all is the HTTP layer's check. Listeners of {@link onChange} hear every
 * change synchronously, after it is stored.
 */
export class CommentStore {
  private readonly listeners = new Set<(change: CommentChange) => void>();
  private readonly now: () => Date;

  constructor(
    private readonly db: Database,
    options: { now?: () => Date } = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** Opens a thread on a range of a section; throws `invalid_*` for bad input. */
  createThread(input: NewThread, author: CommentActor): CommentThread {
    if (!isSectionId(input.sectionId)) {
      throw new CommentError("invalid_section", "Unknown section.");
    }
    const anchor = commentAnchorSchema.safeParse(input.anchor);
    if (!anchor.success) {
      throw new CommentError("invalid_anchor", "The comment's place in the text is malformed.");
    }
    const quote = quoteText(input.quote);
    const text = commentText(input.text);
    const replacement =
      input.suggestion == null ? null : replacementText(input.suggestion.replacement);
    const at = this.timestamp();
    const result = this.db
      .prepare(
        `INSERT INTO comment_threads (section_id, author_id, author_name, text, anchor, quote,
           replacement, suggestion_state, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.sectionId,
        author.id,
        author.name,
        text,
        JSON.stringify(anchor.data),
        quote,
        replacement,
        replacement === null ? null : "pending",
        at,
        at,
      );
    return this.changed("created", Number(result.lastInsertRowid));
  }

  /**
   * Creates the threads of a reviewed Word file, all or none (one transaction), each by
   * `importer` with its Word author and date as `origin`, its replies likewise; threads marked
   * done in Word are stored resolved by the importer. Listeners hear each thread once, after all
   * are stored. Throws like {@link createThread} for bad input, storing nothing.
   */
  importThreads(inputs: ImportedThread[], importer: CommentActor): CommentThread[] {
    const insertThread = this.db.prepare(
      `INSERT INTO comment_threads (section_id, author_id, author_name, text, anchor, quote,
         replacement, suggestion_state, origin_author, origin_date, state, resolved_by_id,
         resolved_by_name, resolved_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertReply = this.db.prepare(
      `INSERT INTO comment_replies (thread_id, author_id, author_name, text, origin_author,
         origin_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const at = this.timestamp();
    const ids = this.db.transaction(() =>
      inputs.map((input) => {
        if (!isSectionId(input.sectionId)) {
          throw new CommentError("invalid_section", "Unknown section.");
        }
        const anchor = commentAnchorSchema.safeParse(input.anchor);
        if (!anchor.success) {
          throw new CommentError("invalid_anchor", "The comment's place in the text is malformed.");
        }
        const replacement =
          input.suggestion == null ? null : replacementText(input.suggestion.replacement);
        const resolved = input.resolved ? importer : null;
        const id = Number(
          insertThread.run(
            input.sectionId,
            importer.id,
            importer.name,
            commentText(input.text),
            JSON.stringify(anchor.data),
            quoteText(input.quote),
            replacement,
            replacement === null ? null : "pending",
            input.origin.author,
            input.origin.date,
            resolved ? "resolved" : "open",
            resolved?.id ?? null,
            resolved?.name ?? null,
            resolved ? at : null,
            at,
            at,
          ).lastInsertRowid,
        );
        for (const reply of input.replies) {
          insertReply.run(
            id,
            importer.id,
            importer.name,
            commentText(reply.text),
            reply.origin.author,
            reply.origin.date,
            at,
            at,
          );
        }
        return id;
      }),
    )();
    return ids.map((id) => this.changed("created", id));
  }

  /** A thread with its replies, or undefined. */
  getThread(id: number): CommentThread | undefined {
    if (!validId(id)) return undefined;
    const row = this.db.prepare("SELECT * FROM comment_threads WHERE id = ?").get(id) as
      | ThreadRow
      | undefined;
    if (!row) return undefined;
    const replies = this.db
      .prepare("SELECT * FROM comment_replies WHERE thread_id = ? ORDER BY id")
      .all(id) as ReplyRow[];
    return toThread(row, replies.map(toReply));
  }

  /** A reply, or undefined (its thread, for the section and permissions: `getThread`). */
  getReply(id: number): CommentReply | undefined {
    if (!validId(id)) return undefined;
    const row = this.db.prepare("SELECT * FROM comment_replies WHERE id = ?").get(id) as
      | ReplyRow
      | undefined;
    return row && toReply(row);
  }

  /** Threads with their replies, oldest first (two queries, whatever the number of threads). */
  listThreads(filter: ThreadFilter = {}): CommentThread[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.sectionId !== undefined) {
      where.push("section_id = ?");
      params.push(filter.sectionId);
    }
    if (filter.authorId !== undefined) {
      where.push("author_id = ?");
      params.push(filter.authorId);
    }
    if (filter.state !== undefined) {
      where.push("state = ?");
      params.push(filter.state);
    }
    const clause = where.length > 0 ? `WHERE ${where.join(" AND ")}` : "";
    const rows = this.db
      .prepare(`SELECT * FROM comment_threads ${clause} ORDER BY id`)
      .all(...params) as ThreadRow[];
    const replies = new Map<number, CommentReply[]>();
    const replyRows = this.db
      .prepare(
        `SELECT * FROM comment_replies WHERE thread_id IN
           (SELECT id FROM comment_threads ${clause}) ORDER BY id`,
      )
      .all(...params) as ReplyRow[];
    for (const reply of replyRows) {
      const list = replies.get(reply.thread_id) ?? [];
      list.push(toReply(reply));
      replies.set(reply.thread_id, list);
    }
    return rows.map((row) => toThread(row, replies.get(row.id) ?? []));
  }

  /** Adds a reply to a thread (open or resolved). */
  addReply(threadId: number, text: string, author: CommentActor): CommentReply {
    const thread = this.mustGet(threadId);
    const body = commentText(text);
    const at = this.timestamp();
    const result = this.db
      .prepare(
        `INSERT INTO comment_replies (thread_id, author_id, author_name, text, created_at,
           updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(thread.id, author.id, author.name, body, at, at);
    this.touch(thread.id, at);
    this.changed("updated", thread.id);
    return this.getReply(Number(result.lastInsertRowid))!;
  }

  /**
   * Changes a thread's text and, while it is pending, its suggested replacement. Only the author
   * may: `not_author` otherwise; `no_suggestion` or `suggestion_decided` for the replacement.
   */
  editComment(
    threadId: number,
    change: { text?: string; replacement?: string },
    actor: CommentActor,
  ): CommentThread {
    const thread = this.mustGet(threadId);
    this.mustBeAuthor(thread.authorId, actor, "comment");
    const text = change.text === undefined ? thread.text : commentText(change.text);
    let replacement = thread.suggestion?.replacement ?? null;
    if (change.replacement !== undefined) {
      if (!thread.suggestion) {
        throw new CommentError("no_suggestion", "This comment has no suggestion to change.");
      }
      if (thread.suggestion.state !== "pending") {
        throw new CommentError("suggestion_decided", "This suggestion has already been decided.");
      }
      replacement = replacementText(change.replacement);
    }
    this.db
      .prepare("UPDATE comment_threads SET text = ?, replacement = ?, updated_at = ? WHERE id = ?")
      .run(text, replacement, this.timestamp(), thread.id);
    return this.changed("updated", thread.id);
  }

  /** Changes a reply's text; only its author may (`not_author`). */
  editReply(replyId: number, text: string, actor: CommentActor): CommentReply {
    const reply = this.mustGetReply(replyId);
    this.mustBeAuthor(reply.authorId, actor, "reply");
    const body = commentText(text);
    const at = this.timestamp();
    this.db
      .prepare("UPDATE comment_replies SET text = ?, updated_at = ? WHERE id = ?")
      .run(body, at, reply.id);
    this.touch(reply.threadId, at);
    this.changed("updated", reply.threadId);
    return this.getReply(reply.id)!;
  }

  /** Deletes a thread and its replies; only its author may (`not_author`). */
  deleteThread(threadId: number, actor: CommentActor): void {
    const thread = this.mustGet(threadId);
    this.mustBeAuthor(thread.authorId, actor, "comment");
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM comment_replies WHERE thread_id = ?").run(thread.id);
      this.db.prepare("DELETE FROM comment_threads WHERE id = ?").run(thread.id);
    })();
    this.emit({ type: "deleted", sectionId: thread.sectionId, threadId: thread.id, thread: null });
  }

  /** Deletes a reply; only its author may (`not_author`). */
  deleteReply(replyId: number, actor: CommentActor): void {
    const reply = this.mustGetReply(replyId);
    this.mustBeAuthor(reply.authorId, actor, "reply");
    this.db.prepare("DELETE FROM comment_replies WHERE id = ?").run(reply.id);
    this.touch(reply.threadId, this.timestamp());
    this.changed("updated", reply.threadId);
  }

  /** Marks a thread resolved (by anyone the HTTP layer lets comment); no change if it is. */
  resolve(threadId: number, actor: CommentActor): CommentThread {
    const thread = this.mustGet(threadId);
    if (thread.state === "resolved") return thread;
    const at = this.timestamp();
    this.db
      .prepare(
        `UPDATE comment_threads SET state = 'resolved', resolved_by_id = ?, resolved_by_name = ?,
           resolved_at = ?, updated_at = ? WHERE id = ?`,
      )
      .run(actor.id, actor.name, at, at, thread.id);
    return this.changed("updated", thread.id);
  }

  /** Opens a resolved thread again; no change if it is open. */
  reopen(threadId: number, _actor: CommentActor): CommentThread {
    const thread = this.mustGet(threadId);
    if (thread.state === "open") return thread;
    this.db
      .prepare(
        `UPDATE comment_threads SET state = 'open', resolved_by_id = NULL,
           resolved_by_name = NULL, resolved_at = NULL, updated_at = ? WHERE id = ?`,
      )
      .run(this.timestamp(), thread.id);
    return this.changed("updated", thread.id);
  }

  /**
   * Records whether the thread's text is gone from the section (see `resolveAnchor`); the
   * server calls it as the text changes. No change, and no event, when the flag is already so.
   */
  markDetached(threadId: number, detached: boolean): CommentThread {
    const thread = this.mustGet(threadId);
    if (thread.detached === detached) return thread;
    this.db
      .prepare("UPDATE comment_threads SET detached = ? WHERE id = ?")
      .run(detached ? 1 : 0, thread.id);
    return this.changed("updated", thread.id);
  }

  /**
   * Accepts or rejects a thread's suggestion, once (`no_suggestion`, `suggestion_decided`), and
   * resolves the thread: the conversation about the suggestion is over. With `options.apply`,
   * an acceptance first applies the replacement to the section.
   */
  decideSuggestion(
    threadId: number,
    decision: "accepted" | "rejected",
    actor: CommentActor,
    options: DecideOptions = {},
  ): CommentThread {
    const thread = this.mustGet(threadId);
    if (!thread.suggestion) {
      throw new CommentError("no_suggestion", "This comment has no suggestion.");
    }
    if (thread.suggestion.state !== "pending") {
      throw new CommentError(
        "suggestion_decided",
        `This suggestion has already been ${thread.suggestion.state}.`,
      );
    }
    if (decision !== "accepted" && decision !== "rejected") {
      throw new CommentError("invalid_text", "A suggestion is accepted or rejected.");
    }
    if (decision === "accepted" && options.apply && !options.apply(thread)) {
      this.markDetached(thread.id, true);
      throw new CommentError(
        "detached",
        "The text of this suggestion has been deleted; it can no longer be applied.",
      );
    }
    const at = this.timestamp();
    this.db
      .prepare(
        `UPDATE comment_threads SET suggestion_state = ?, decided_by_id = ?, decided_by_name = ?,
           decided_at = ?, state = 'resolved',
           resolved_by_id = coalesce(resolved_by_id, ?),
           resolved_by_name = coalesce(resolved_by_name, ?),
           resolved_at = coalesce(resolved_at, ?), updated_at = ?
         WHERE id = ?`,
      )
      .run(decision, actor.id, actor.name, at, actor.id, actor.name, at, at, thread.id);
    return this.changed("updated", thread.id);
  }

  /**
   * Moves a thread to another section with its new anchor there (the outline split or merged its
   * text): its replies, state and suggestion go with it. Listeners hear the old section's thread
   * deleted, then the new section's updated.
   */
  moveThread(threadId: number, sectionId: string, anchor: CommentAnchor): CommentThread {
    const thread = this.mustGet(threadId);
    const parsed = commentAnchorSchema.safeParse(anchor);
    if (!parsed.success) {
      throw new CommentError("invalid_anchor", "The comment's place in the text is malformed.");
    }
    this.db
      .prepare("UPDATE comment_threads SET section_id = ?, anchor = ?, detached = 0 WHERE id = ?")
      .run(sectionId, JSON.stringify(parsed.data), thread.id);
    if (thread.sectionId !== sectionId) {
      this.emit({ type: "deleted", sectionId: thread.sectionId, threadId, thread: null });
    }
    return this.changed("updated", thread.id);
  }

  /** Number of open threads per section id; sections without any are absent (one query). */
  openCountsBySection(): Map<string, number> {
    const rows = this.db
      .prepare(
        "SELECT section_id, count(*) AS n FROM comment_threads WHERE state = 'open' GROUP BY section_id",
      )
      .all() as { section_id: string; n: number }[];
    return new Map(rows.map((row) => [row.section_id, row.n]));
  }

  /** Calls `listener` after every stored change; returns a function that stops it. */
  onChange(listener: (change: CommentChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private timestamp(): string {
    return this.now().toISOString();
  }

  private mustGet(id: number): CommentThread {
    const thread = this.getThread(id);
    if (!thread) throw new CommentError("not_found", `No comment with id ${String(id)}.`);
    return thread;
  }

  private mustGetReply(id: number): CommentReply {
    const reply = this.getReply(id);
    if (!reply) throw new CommentError("not_found", `No reply with id ${String(id)}.`);
    return reply;
  }

  private mustBeAuthor(authorId: number, actor: CommentActor, what: string): void {
    if (authorId !== actor.id) {
      throw new CommentError("not_author", `Only the author of a ${what} may change or delete it.`);
    }
  }

  private touch(threadId: number, at: string): void {
    this.db.prepare("UPDATE comment_threads SET updated_at = ? WHERE id = ?").run(at, threadId);
  }

  private changed(type: "created" | "updated", threadId: number): CommentThread {
    const thread = this.mustGet(threadId);
    this.emit({ type, sectionId: thread.sectionId, threadId, thread });
    return thread;
  }

  private emit(change: CommentChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
