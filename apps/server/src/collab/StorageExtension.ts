import { repairYDoc, type SchemaViolation } from "@rapporteur/schema";
import type { DocumentStore, HistoryKind, HistoryPointInput } from "@rapporteur/storage";
import * as Y from "yjs";
import type { Logger } from "../Logger";
import { AppliedSequence } from "./AppliedSequence";
import type {
  CollabExtension,
  DocumentContext,
  RelayedUpdateContext,
  StoredUpdate,
  UpdateContext,
} from "./CollabExtension";

/**
 * What the history asks of storage (see SectionHistory): checkpoints made of the updates a
 * compaction replaces, and a restore point before each server-side edit.
 */
export interface HistoryKeeper {
  /**
   * The checkpoints to keep of the stored updates through `throughSeq`: read at once (before the
   * compaction replaces them), made off the event loop.
   */
  checkpoints(name: string, throughSeq: number): Promise<HistoryPointInput[]>;
  /** Keeps the content of `ydoc` (which holds the updates through `lastSeq`) as a restore point. */
  keepRestorePoint(name: string, ydoc: Y.Doc, lastSeq: number): void;
}

/** Configuration of {@link StorageExtension}. */
export interface StorageExtensionOptions {
  /** Compact a document into one stored state after this many appended updates. */
  compactEvery: number;
  /** Attributed history: every update is stored with its authors, time and kind. */
  history?: HistoryKeeper;
  /** The clock of the history (default Date.now). */
  now?(): number;
  /**
   * A loaded section held content that does not fit the schema (stored before updates were
   * checked): it was dropped, by an update stored like any edit. For the audit log.
   */
  onRepaired?(documentName: string, dropped: readonly SchemaViolation[]): void;
}

interface StoredState {
  /**
   * The stored updates the live document holds: loaded, stored here or relayed from another
   * instance. A compaction goes only through `applied.through`.
   */
  applied: AppliedSequence;
  /** Rows this instance stored after its newest compaction. */
  sinceCompaction: number;
}

/**
 * Persistence of the collaboration server on a {@link DocumentStore}: loads a document from its
 * stored updates (dropping, as a stored update, whatever in them does not fit the schema), appends
 * every update before anyone sees it (write-before-broadcast), and compacts the stored updates
 * into one state every `compactEvery` updates and on unload. With several server instances on one
 * store (see the relay), a compaction goes only through the highest sequence number below which
 * this instance has applied every stored update, so that it never deletes an update another
 * instance stored that is not in the state replacing it.
 */
export class StorageExtension implements CollabExtension {
  readonly name = "storage";
  readonly #states = new Map<string, StoredState>();
  /** The compaction of each document in progress: one at a time, in order. */
  readonly #compacting = new Map<string, Promise<void>>();

  constructor(
    private readonly store: DocumentStore,
    private readonly options: StorageExtensionOptions,
    private readonly logger?: Logger,
  ) {}

  async onLoadDocument({ documentName, document }: DocumentContext): Promise<void> {
    const stored = await this.store.load(documentName);
    const skipped = unusableUpdates(stored.updates);
    if (skipped.size > 0) {
      this.logger?.error(
        `storage: ${documentName}: ${skipped.size} stored update(s) cannot be applied and were ` +
          "left out (they stay in the database until the next compaction)",
      );
    }
    document.ydoc.transact(() => {
      stored.updates.forEach((update, i) => {
        if (!skipped.has(i)) Y.applyUpdate(document.ydoc, update);
      });
    });
    const state: StoredState = {
      applied: new AppliedSequence(stored.lastSeq),
      sinceCompaction: Math.max(0, stored.updates.length - 1),
    };
    const repair = repairYDoc(document.ydoc, this);
    if (repair.update) {
      // Stored before anyone sees the section, so that storage and memory agree.
      state.applied.add(await this.store.append(documentName, repair.update));
      state.sinceCompaction++;
      const listed = repair.dropped
        .slice(0, 5)
        .map((d) => `${d.rule} at ${d.path}: ${d.message}`)
        .join("; ");
      this.logger?.error(
        `storage: ${documentName}: dropped ${repair.dropped.length} part(s) that do not fit ` +
          `the document schema (${listed}${repair.dropped.length > 5 ? "; ..." : ""})`,
      );
      this.options.onRepaired?.(documentName, repair.dropped);
    }
    this.#states.set(documentName, state);
  }

  async onStoreUpdate({
    documentName,
    document,
    update,
    origins,
    serverEdits,
  }: UpdateContext): Promise<StoredUpdate> {
    const state = this.#states.get(documentName);
    const { history } = this.options;
    let kind: HistoryKind = "edit";
    for (const edit of serverEdits) if (edit.kind !== "edit") kind = edit.kind;
    if (history && state && kind !== "edit") {
      // Before the server edit is stored, the live document is the content it replaces.
      if (state.sinceCompaction > 0) await this.#compact(documentName, document.ydoc, state);
      history.keepRestorePoint(documentName, document.ydoc, state.applied.through);
    }
    const userIds: number[] = [];
    for (const origin of origins) {
      const id = (origin?.context.user as { id?: unknown } | undefined)?.id;
      if (typeof id === "number") userIds.push(id);
    }
    for (const edit of serverEdits) if (edit.userId !== null) userIds.push(edit.userId);
    const seq = await this.store.append(
      documentName,
      update,
      history ? { userIds, at: this.options.now?.() ?? Date.now(), kind } : undefined,
    );
    if (state) {
      state.applied.add(seq);
      state.sinceCompaction++;
    }
    return { seq };
  }

  onRelayedUpdate({ documentName, seq, through }: RelayedUpdateContext): void {
    const applied = this.#states.get(documentName)?.applied;
    if (through) applied?.addThrough(seq);
    else applied?.add(seq);
  }

  /**
   * The sequence number through which `documentName` may be compacted now: every stored update
   * at or below it has been applied to the live document (undefined when it is not loaded).
   */
  compactableThrough(documentName: string): number | undefined {
    return this.#states.get(documentName)?.applied.through;
  }

  async onChange({ documentName, document }: UpdateContext): Promise<void> {
    const state = this.#states.get(documentName);
    if (state && state.sinceCompaction >= this.options.compactEvery) {
      await this.#compact(documentName, document.ydoc, state);
    }
  }

  async onUnloadDocument({ documentName, document }: DocumentContext): Promise<void> {
    const state = this.#states.get(documentName);
    this.#states.delete(documentName);
    if (state && state.sinceCompaction > 0) await this.#compact(documentName, document.ydoc, state);
  }

  async #compact(name: string, ydoc: Y.Doc, state: StoredState): Promise<void> {
    // Taken together before any await: the live document holds every update through
    // `applied.through` (and perhaps some after it, which a compaction may contain: the rows
    // after `throughSeq` stay, and apply again without effect).
    const snapshot = Y.encodeStateAsUpdate(ydoc);
    const throughSeq = state.applied.through;
    state.sinceCompaction = 0;
    const { history } = this.options;
    // After the previous compaction of the document: it reads the rows this one replaces.
    const run = async () => {
      const checkpoints = history ? await history.checkpoints(name, throughSeq) : [];
      await this.store.compact(name, snapshot, throughSeq, checkpoints);
    };
    const previous = this.#compacting.get(name);
    const current = previous ? previous.then(run, run) : run();
    this.#compacting.set(name, current);
    try {
      await current;
    } finally {
      if (this.#compacting.get(name) === current) this.#compacting.delete(name);
    }
  }
}

/**
 * Indexes of stored updates that throw when applied in order (a Yjs update can fail half-way):
 * found on a scratch document, rebuilt without each one found, so the live document is built only
 * from updates that apply. Normally empty: the server never stores an update it cannot apply.
 */
function unusableUpdates(updates: readonly Uint8Array[]): Set<number> {
  const skipped = new Set<number>();
  for (;;) {
    const scratch = new Y.Doc();
    let failed = -1;
    try {
      scratch.transact(() => {
        updates.forEach((update, i) => {
          if (skipped.has(i)) return;
          failed = i;
          Y.applyUpdate(scratch, update);
        });
      });
      return skipped;
    } catch {
      skipped.add(failed);
    } finally {
      scratch.destroy();
    }
  }
}
