import type { DocumentStore } from "@rapporteur/storage";
import * as Y from "yjs";
import type { Logger } from "../Logger";
import type { CollabExtension, DocumentContext, UpdateContext } from "./CollabExtension";

/** Configuration of {@link StorageExtension}. */
export interface StorageExtensionOptions {
  /** Compact a document into one stored state after this many appended updates. */
  compactEvery: number;
}

interface StoredState {
  lastSeq: number;
  /** Rows stored after the newest compacted state. */
  sinceCompaction: number;
}

/**
 * Persistence of the collaboration server on a {@link DocumentStore}: loads a document from its
 * stored updates, appends every update before anyone sees it (write-before-broadcast), and
 * compacts the stored updates into one state every `compactEvery` updates and on unload.
 */
export class StorageExtension implements CollabExtension {
  readonly name = "storage";
  readonly #states = new Map<string, StoredState>();

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
    this.#states.set(documentName, {
      lastSeq: stored.lastSeq,
      sinceCompaction: Math.max(0, stored.updates.length - 1),
    });
  }

  async onStoreUpdate({ documentName, update }: UpdateContext): Promise<void> {
    const seq = await this.store.append(documentName, update);
    const state = this.#states.get(documentName);
    if (state) {
      state.lastSeq = seq;
      state.sinceCompaction++;
    }
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
    // Taken together before any await: onChange starts while the live document holds exactly
    // the updates through lastSeq.
    const snapshot = Y.encodeStateAsUpdate(ydoc);
    const throughSeq = state.lastSeq;
    state.sinceCompaction = 0;
    await this.store.compact(name, snapshot, throughSeq);
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
