import type { HistoryPointInput } from "./HistoryStore";
import type { HistoryKind } from "./historyKind";

export type { HistoryKind };

/** Who made a stored update, when, and what kind of change it is (the history's raw data). */
export interface UpdateMeta {
  /** Accounts whose edits the update carries (several when edits of one tick were merged). */
  userIds: readonly number[];
  /** When it was stored, in ms since the epoch. */
  at: number;
  kind: HistoryKind;
}

/** What a store holds for one document: a compacted state (if any) and the updates appended since. */
export interface StoredDocument {
  /** Yjs updates, oldest first; the first may be a compacted state. Applying all rebuilds the doc. */
  updates: Uint8Array[];
  /** Sequence number of the newest stored update (0 when the document has never been written). */
  lastSeq: number;
}

/**
 * Durable storage of Yjs documents, keyed by name (a section id). The collaboration server and the
 * CLI talk only to this interface, so that a backend can be swapped without touching protocol
 * code: SqliteStore (embedded; resolves at once) and PostgresStore. `documentStoreContract.ts` is
 * the behaviour every backend owes, run against each.
 */
export interface DocumentStore {
  /** Everything stored for `name`; an empty list for a document never written. */
  load(name: string): Promise<StoredDocument>;
  /**
   * Appends one update durably: when the promise resolves the update survives a crash of the
   * process. Returns the update's sequence number, the document's next (1, 2, 3, ...: the relay
   * between server instances tells from a gap which update an instance has not applied). `meta`
   * (author, time, kind) feeds the history; an update without it is stored unattributed.
   */
  append(name: string, update: Uint8Array, meta?: UpdateMeta): Promise<number>;
  /**
   * Replaces the updates up to and including `throughSeq` by `state` (a full Yjs state update that
   * contains them). Updates appended after `throughSeq` are kept. `checkpoints` (the restorable
   * history points made of the replaced updates) are stored in the same transaction, and the
   * history is thinned by age (see HistoryStore).
   */
  compact(
    name: string,
    state: Uint8Array,
    throughSeq: number,
    checkpoints?: readonly HistoryPointInput[],
  ): Promise<void>;
  /** Names of all documents that have stored content. */
  list(): Promise<string[]>;
  /** Releases the backend (closes files or connections). */
  close(): Promise<void>;
}
