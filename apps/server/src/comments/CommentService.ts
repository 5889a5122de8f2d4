import {
  applySuggestion,
  type CommentActor,
  CommentError,
  type CommentStore,
  type CommentThread,
  commentAnchorSchema,
  resolveAnchor,
  resolveAnchors,
  storeReview,
  type ThreadFilter,
  type UnplacedReviewItem,
} from "@rapporteur/comments";
import type { DocxReview } from "@rapporteur/docx-import";
import type { Outline } from "@rapporteur/outline";
import type { DocumentStore } from "@rapporteur/storage";
import * as Y from "yjs";
import type { CollabServer } from "../collab/CollabServer";

/** What {@link CommentService} works with. */
export interface CommentServiceOptions {
  comments: CommentStore;
  collab: CollabServer;
  store: DocumentStore;
  /** The outline in force (read at each use: it changes). */
  outline: { current(): Outline };
  /** How long a section loaded only to apply a suggestion stays in memory, in ms. */
}

/** What a new thread is made of (checked further by the comment store). */
export interface NewComment {
  anchor: unknown;
  text: string;
  suggestion?: { replacement: string };
}

/**
 * Comments as the server serves them: the {@link CommentStore} plus what needs the sections'
 * text: the quote of a new thread read from the section itself, threads in document order,
 * detached flags kept current, and suggestions applied as live edits of the section.
 */
export class CommentService {
  readonly store: CommentStore;
  readonly #options: CommentServiceOptions;
  // One decision at a time per section, so that a suggestion is never applied twice.
  readonly #deciding = new Map<string, Promise<unknown>>();

  constructor(options: CommentServiceOptions) {
    this.#options = options;
    this.store = options.comments;
  }

  /** The threads of one section in document order, `detached` as the text is now. */
  async sectionThreads(sectionId: string): Promise<CommentThread[]> {
    const threads = this.store.listThreads({ sectionId });
    if (threads.length === 0) return threads;
    return this.#withSectionDoc(sectionId, (ydoc) => inDocumentOrder(ydoc, threads));
  }

  /** Threads matching `filter`, in outline order, then document order within each section. */
  async threads(filter: ThreadFilter = {}): Promise<CommentThread[]> {
    const bySection = new Map<string, CommentThread[]>();
    for (const thread of this.store.listThreads(filter)) {
      const list = bySection.get(thread.sectionId) ?? [];
      list.push(thread);
      bySection.set(thread.sectionId, list);
    }
    const ordered: CommentThread[] = [];
    for (const section of this.#options.outline.current().sections) {
      const list = bySection.get(section.id);
      if (!list) continue;
      bySection.delete(section.id);
      ordered.push(
        ...(await this.#withSectionDoc(section.id, (ydoc) => inDocumentOrder(ydoc, list))),
      );
    }
    // Sections no longer in the outline keep their threads, last.
    for (const list of bySection.values()) ordered.push(...list);
    return ordered;
  }

  /**
   * Opens a thread on a range of a section. The quote is what the anchor covers in the server's
   * copy of the section, never what the client says: `invalid_anchor` when the anchor is not a
   * range of this section's text.
   */
  async createThread(sectionId: string, input: NewComment, author: CommentActor) {
    const anchor = commentAnchorSchema.safeParse(input.anchor);
    if (!anchor.success) {
      throw new CommentError("invalid_anchor", "The comment's place in the text is malformed.");
    }
    const quote = await this.#withSectionDoc(sectionId, (ydoc) => {
      const resolved = resolveAnchor(ydoc, anchor.data);
      if (!resolved || resolved.detached) {
        throw new CommentError(
          "invalid_anchor",
          "The commented text is not in this section (it may have just been deleted).",
        );
      }
      return resolved.text;
    });
    return this.store.createThread(
      { sectionId, anchor: anchor.data, quote, text: input.text, suggestion: input.suggestion },
      author,
    );
  }

  /**
   * Accepts a suggestion: its replacement is applied to the section as a live edit (stored,
   * then shown to everyone), then the decision is stored. Nothing is decided when the edit
   * cannot be made; `detached` (and the thread marked so) when the text is gone.
   */
  acceptSuggestion(threadId: number, actor: CommentActor): Promise<CommentThread> {
    const thread = this.#mustGet(threadId);
    return this.#oneAtATime(thread.sectionId, async () => {
      const current = this.#mustGet(threadId);
      if (!current.suggestion) {
        throw new CommentError("no_suggestion", "This comment has no suggestion.");
      }
      if (current.suggestion.state !== "pending") {
        throw new CommentError(
          "suggestion_decided",
          `This suggestion has already been ${current.suggestion.state}.`,
        );
      }
      const { replacement } = current.suggestion;
      const connection = await this.#options.collab.openDirectConnection(current.sectionId);
      let applied: boolean;
      try {
        applied = await connection.transact(
          (ydoc) => applySuggestion(ydoc, current.anchor, replacement),
          { userId: actor.id, kind: "suggestion" },
        );
      } finally {
        connection.disconnect();
      }
      // The edit is stored: the decision follows it (a refused one marks the thread detached).
      return this.store.decideSuggestion(threadId, "accepted", actor, { apply: () => applied });
    });
  }

  /**
   * Imports the review of a Word file into a section: places its tracked changes and comments
   * on the live text (placeReview: by text and context, as the section is now) and stores them
   * as threads by `importer` with their Word authors, all at once. The section's text is only
   * read. Returns what was created and what could not be placed.
   */
  async importReview(
    sectionId: string,
    review: DocxReview,
    importer: CommentActor,
  ): Promise<{ threads: CommentThread[]; unplaced: UnplacedReviewItem[] }> {
    // Placed and stored in one step: no edit can move the text in between.
    return this.#withSectionDoc(sectionId, (ydoc) =>
      storeReview(this.store, sectionId, ydoc, review, importer),
    );
  }

  /** Rejects a suggestion (and resolves its thread). */
  rejectSuggestion(threadId: number, actor: CommentActor): Promise<CommentThread> {
    const thread = this.#mustGet(threadId);
    return this.#oneAtATime(thread.sectionId, async () =>
      this.store.decideSuggestion(threadId, "rejected", actor),
    );
  }

  /** Records which threads of a section have lost all their text (and which got it back). */
  refreshDetached(sectionId: string, ydoc: Y.Doc): void {
    const threads = this.store.listThreads({ sectionId });
    if (threads.length === 0) return;
    const resolved = resolveAnchors(
      ydoc,
      threads.map((thread) => thread.anchor),
    );
    threads.forEach((thread, index) => {
      const now = resolved[index];
      if (now && now.detached !== thread.detached) this.store.markDetached(thread.id, now.detached);
    });
  }

  #mustGet(threadId: number): CommentThread {
    const thread = this.store.getThread(threadId);
    if (!thread) throw new CommentError("not_found", `No comment with id ${String(threadId)}.`);
    return thread;
  }

  async #oneAtATime<T>(sectionId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#deciding.get(sectionId) ?? Promise.resolve();
    const next = previous.catch(() => {}).then(task);
    this.#deciding.set(sectionId, next);
    try {
      return await next;
    } finally {
      if (this.#deciding.get(sectionId) === next) this.#deciding.delete(sectionId);
    }
  }

  /**
   * Runs `read` on the section's text: the live document when the section is open (after the
   * edits received so far are applied), else a copy read from storage.
   */
  async #withSectionDoc<T>(sectionId: string, read: (ydoc: Y.Doc) => T): Promise<T> {
    const { collab, store } = this.#options;
    if (collab.documentNames.includes(sectionId)) {
      const connection = await collab.openDirectConnection(sectionId);
      try {
        return await connection.read(read);
      } finally {
        connection.disconnect();
      }
    }
    const stored = await store.load(sectionId);
    const ydoc = new Y.Doc();
    try {
      ydoc.transact(() => {
        for (const update of stored.updates) Y.applyUpdate(ydoc, update);
      });
      return read(ydoc);
    } finally {
      ydoc.destroy();
    }
  }
}

/** Threads sorted by where their text starts; `detached` as resolved now. */
function inDocumentOrder(ydoc: Y.Doc, threads: CommentThread[]): CommentThread[] {
  const resolved = resolveAnchors(
    ydoc,
    threads.map((thread) => thread.anchor),
  );
  return threads
    .map((thread, index) => {
      const at = resolved[index];
      return {
        thread: at ? { ...thread, detached: at.detached } : thread,
        from: at ? at.from : Number.POSITIVE_INFINITY,
      };
    })
    .sort((a, b) => a.from - b.from || a.thread.id - b.thread.id)
    .map((entry) => entry.thread);
}
