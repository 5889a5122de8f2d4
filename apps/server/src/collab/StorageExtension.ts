import type { DocumentStore } from "@rapporteur/storage";
import * as Y from "yjs";
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
  ) {}

  async onLoadDocument({ documentName, document }: DocumentContext): Promise<void> {
    const stored = await this.store.load(documentName);
    document.ydoc.transact(() => {
      for (const update of stored.updates) Y.applyUpdate(document.ydoc, update);
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
