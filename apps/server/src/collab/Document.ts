import { checkTransaction, FRAGMENT_NAME } from "@rapporteur/schema";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import type { ServerEdit } from "./CollabExtension";
import { CollabRefusal } from "./CollabRefusal";
import type { Connection } from "./Connection";
import { checkUpdateIds } from "./checkUpdateIds";
import { CloseCode } from "./closeCodes";
import { MessageType, SyncMessageType } from "./messageTypes";
import { stalePendingItem } from "./stalePendingItem";
import type { AwarenessEntry } from "./validateAwarenessUpdate";

/** What a document asks of the server: the store and change hooks of the extensions. */
export interface DocumentHooks {
  /** Stores an update; resolves with its sequence number in the store (if a store gave one). */
  storeUpdate(
    document: Document,
    update: Uint8Array,
    origins: (Connection | null)[],
    serverEdits: ServerEdit[],
  ): Promise<number | undefined>;
  changed(
    document: Document,
    update: Uint8Array,
    origins: (Connection | null)[],
    serverEdits: ServerEdit[],
    transaction?: Y.Transaction,
    seq?: number,
  ): void;
  /**
   * An update another server instance stored (as `seq`) was applied and broadcast here; with
   * `through`, one that holds every stored update through `seq` (read again from the store).
   */
  relayed?(document: Document, update: Uint8Array, seq: number, through: boolean): void;
  /** An update could not be stored or applied: it was dropped. */
  failed(document: Document, error: unknown, origins: (Connection | null)[]): void;
  /**
   * A stored update failed half-way into the live document (which the scratch copy did not
   * foresee): the document must leave memory without being stored again, and be loaded anew.
   */
  damaged(document: Document, error: unknown): void;
}

/** Limits of a {@link Document}. */
export interface DocumentOptions {
  /** Largest encoded state a section may reach; an update beyond it is refused with 4413. */
  maxBytes?: number;
}

/** The origin of the presence changes that came from other server instances. */
const RELAYED = Symbol("relayed");

interface PendingUpdate {
  update: Uint8Array;
  origin: Connection | null;
  /** Who made a server-side edit (history). */
  serverEdit?: ServerEdit;
  settle?: { resolve(): void; reject(error: unknown): void };
}

/**
 * One loaded section: its Yjs document, the awareness (presence) of its users and the connections
 * that edit it. Every update goes through one pipeline: validate on a shadow copy, store (await),
 * apply to the live document, broadcast. Updates that arrive in the same tick are merged and go
 * through together; batches are processed strictly one after another.
 *
 * Never change `ydoc` directly: use {@link Document.submitUpdate}, or the change would be neither
 * stored nor broadcast.
 */
export class Document {
  readonly ydoc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Set<Connection>();
  /** A copy of the live document that takes every update first, so a bad one never reaches it. */
  #shadow: Y.Doc | null = null;
  /** The transactions of the update being validated on the shadow (what it changed). */
  #shadowTransactions: Y.Transaction[] = [];
  /**
   * The encoded size of the shadow, from above: measured when it is rebuilt, then grown by twice
   * the size of each update it takes (a generous bound: an update grows the encoded state by about
   * its own size); measured again only when that bound passes the limit, so that no keystroke
   * re-encodes the section.
   */
  #shadowBytes = 0;
  readonly #maxBytes: number;
  #pending: PendingUpdate[] = [];
  #flushScheduled = false;
  #queue: Promise<void> = Promise.resolve();
  #queued = 0;
  #awarenessChanged = new Set<number>();
  /** Presence client id -> the connection that owns it (see {@link Document.claimPresence}). */
  readonly #presenceOwners = new Map<number, Connection>();
  /** Presence client id -> the account that owned it last: only that account may take it again. */
  readonly #presenceAccounts = new Map<number, string>();
  #awarenessScheduled = false;
  /**
   * Updates validated and queued but not yet applied to the live document (nor dropped): the
   * shadow copy, rebuilt from the live document, takes them again.
   */
  readonly #accepted = new Set<Uint8Array>();
  /** Settles with the batch that will take the updates now pending (see receivedSoFar). */
  #pendingDone: { promise: Promise<void>; resolve: () => void } | null = null;
  /** Presence client ids of clients connected to other server instances (see the relay). */
  readonly #relayedPresence = new Set<number>();
  /** Updates relayed from other instances while the document was loading: applied once ready. */
  #relayedBeforeReady: { update: Uint8Array; seq: number; through: boolean }[] | null = [];
  #destroyed = false;
  #retired = false;
  #damaged = false;

  constructor(
    readonly name: string,
    private readonly hooks: DocumentHooks,
    options: DocumentOptions = {},
  ) {
    this.#maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    this.ydoc = new Y.Doc();
    this.awareness = new awarenessProtocol.Awareness(this.ydoc);
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on("update", this.#onAwarenessUpdate);
  }

  /** Called once the load hooks have filled `ydoc`: from now on updates are validated against it. */
  ready(): void {
    this.#resetShadow();
    const early = this.#relayedBeforeReady ?? [];
    this.#relayedBeforeReady = null;
    for (const { update, seq, through } of early) this.receiveRelayedUpdate(update, seq, through);
  }

  /** Whether updates are waiting to be stored or applied. */
  get busy(): boolean {
    return this.#pending.length > 0 || this.#queued > 0;
  }

  /**
   * Checks an update from a connection and queues it. Throws {@link CollabRefusal} when the update
   * does not decode fully or cannot be integrated (4400), does not fit the document schema (4422)
   * or would take the section above its size limit (4413); the live document is then untouched.
   * Returns false for an update that carries nothing (nothing is queued).
   */
  receiveUpdate(update: Uint8Array, origin: Connection | null): boolean {
    if (!this.#validate(update)) return false;
    this.#accepted.add(update);
    this.#pending.push({ update, origin });
    this.#scheduleFlush();
    return true;
  }

  /**
   * A server-side edit (an import, say): validated, stored and broadcast like a client's.
   * `serverEdit` says on whose behalf and what kind of change it is (the history's record).
   */
  submitUpdate(update: Uint8Array, serverEdit?: ServerEdit): Promise<void> {
    return new Promise((resolve, reject) => {
      try {
        if (!this.#validate(update)) return resolve();
      } catch (error) {
        return reject(error);
      }
      this.#accepted.add(update);
      this.#pending.push({ update, origin: null, serverEdit, settle: { resolve, reject } });
      this.#scheduleFlush();
    });
  }

  /**
   * An update another server instance has stored (as `seq`) and applied: applied here in turn,
   * between this document's own batches, and broadcast to this instance's connections, without
   * being stored again. One that arrives while the document loads waits until it is ready (it
   * may also be in what was loaded: Yjs updates apply twice without effect). Drop a malformed one
   * before calling: one that fails half-way into the document has it reloaded from storage.
   * `through`: the update holds every stored update through `seq` (the section read again from
   * the store after relayed messages may have been lost).
   */
  receiveRelayedUpdate(update: Uint8Array, seq: number, through = false): void {
    if (this.#destroyed) return;
    if (this.#relayedBeforeReady) {
      this.#relayedBeforeReady.push({ update, seq, through });
      return;
    }
    this.#queued++;
    this.#queue = this.#queue
      .then(() => this.#applyRelayed(update, seq, through))
      .finally(() => this.#queued--);
  }

  /**
   * Presence relayed from another server instance (a decoded, checked awareness update): applied
   * and broadcast here. Entries of clients connected to this instance are ignored.
   */
  receiveRelayedAwareness(entries: readonly AwarenessEntry[]): void {
    if (this.#destroyed) return;
    const foreign = entries.filter((entry) => !this.#presenceOwners.has(entry.clientId));
    if (foreign.length === 0) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, foreign.length);
    for (const { clientId, clock, state } of foreign) {
      this.#relayedPresence.add(clientId);
      encoding.writeVarUint(encoder, clientId);
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarString(encoder, JSON.stringify(state));
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encoding.toUint8Array(encoder), RELAYED);
  }

  /** Whether a presence change came from another server instance (not to be relayed back). */
  isRelayedPresence(clientId: number, origin: unknown): boolean {
    return origin === RELAYED || this.#relayedPresence.has(clientId);
  }

  /**
   * Resolves once the updates received so far are stored and applied (or dropped), without
   * waiting for those that arrive later (unlike {@link whenSettled}, which a steady stream of
   * edits could hold off).
   */
  receivedSoFar(): Promise<void> {
    if (this.#pending.length > 0) {
      if (!this.#pendingDone) {
        let resolve!: () => void;
        const promise = new Promise<void>((done) => {
          resolve = done;
        });
        this.#pendingDone = { promise, resolve };
      }
      return this.#pendingDone.promise;
    }
    return this.#queue.then(
      () => {},
      () => {},
    );
  }

  /** Resolves once every update received so far is stored and applied (or dropped). */
  async whenSettled(): Promise<void> {
    while (this.busy) {
      if (this.#pending.length > 0) this.#flush();
      await this.#queue;
    }
  }

  /** Sends one encoded message to every connection: encoded once, the same buffer for all. */
  broadcast(message: Uint8Array): void {
    for (const connection of this.connections) connection.send(message);
  }

  /** Encodes this document's sync step 1 (its state vector) as a y-websocket message. */
  encodeSyncStep1(): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    encoding.writeVarUint(encoder, SyncMessageType.step1);
    encoding.writeVarUint8Array(encoder, Y.encodeStateVector(this.ydoc));
    return encoding.toUint8Array(encoder);
  }

  /** Encodes what a client with `stateVector` lacks, as a sync step 2 message. */
  encodeSyncStep2(stateVector: Uint8Array): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    encoding.writeVarUint(encoder, SyncMessageType.step2);
    encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(this.ydoc, stateVector));
    return encoding.toUint8Array(encoder);
  }

  /** Encodes the presence of every user in the document, or `null` when nobody has any. */
  encodeAwarenessStates(): Uint8Array | null {
    const clients = [...this.awareness.getStates().keys()];
    if (clients.length === 0) return null;
    return encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
  }

  /** Removes a connection and the presence of the client it owned. */
  removeConnection(connection: Connection): void {
    this.connections.delete(connection);
    const id = connection.presenceClientId;
    if (id === null || this.#presenceOwners.get(id) !== connection) return;
    this.#presenceOwners.delete(id);
    awarenessProtocol.removeAwarenessStates(this.awareness, [id], null);
  }

  /**
   * Picks, from an awareness update sent by `connection`, the entry of the client id it owns. A
   * connection owns the first client id it announces with a state, unless another account's
   * connection owns it or owned it last; a newer connection of the same account (a reconnect)
   * takes it over. Entries for other ids are ignored: clients echo the presence they receive,
   * and must never change or remove anyone else's. `foreign` lists the ignored entries that would
   * have changed another connection's presence.
   */
  claimPresence(
    connection: Connection,
    entries: readonly AwarenessEntry[],
  ): { own: AwarenessEntry | undefined; foreign: number[] } {
    let own: AwarenessEntry | undefined;
    const foreign: number[] = [];
    for (const entry of entries) {
      if (this.#claim(connection, entry)) {
        own = entry;
        continue;
      }
      const known = this.awareness.meta.get(entry.clientId);
      const owner = this.#presenceOwners.get(entry.clientId);
      if (owner && owner !== connection && (!known || entry.clock > known.clock)) {
        foreign.push(entry.clientId);
      }
    }
    return { own, foreign };
  }

  /**
   * Applies the presence state of the client `connection` owns (`stateJson`: its state as the
   * server sets it, or "null" when it leaves), unless the connection has lost that client id
   * meanwhile (to a reconnect of the same account) or left.
   */
  applyPresence(connection: Connection, clientId: number, clock: number, stateJson: string): void {
    if (this.#destroyed || !this.connections.has(connection)) return;
    if (connection.presenceClientId !== clientId) return;
    if (this.#presenceOwners.get(clientId) !== connection) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, stateJson);
    awarenessProtocol.applyAwarenessUpdate(
      this.awareness,
      encoding.toUint8Array(encoder),
      connection,
    );
  }

  /**
   * Whether an update failed half-way into `ydoc`: its content may be inconsistent and must not
   * be stored (no compaction); the stored updates remain the truth.
   */
  get damaged(): boolean {
    return this.#damaged;
  }

  /** Whether the document is leaving memory: new connections must load it again. */
  get retired(): boolean {
    return this.#retired;
  }

  /** Marks the document as leaving memory (idle unload or shutdown). */
  retire(): void {
    this.#retired = true;
  }

  /** Frees the document; it must not be used afterwards. */
  destroy(): void {
    this.#destroyed = true;
    this.awareness.off("update", this.#onAwarenessUpdate);
    this.awareness.destroy();
    this.#shadow?.destroy();
    this.ydoc.destroy();
  }

  #validate(update: Uint8Array): boolean {
    if (this.#destroyed) throw new CollabRefusal(CloseCode.internal, "The section was unloaded");
    let decoded: ReturnType<typeof Y.decodeUpdate>;
    try {
      // Reads every struct and the delete set: a truncated update fails here, before any change.
      decoded = Y.decodeUpdate(update);
    } catch {
      throw new CollabRefusal(CloseCode.badRequest, "Malformed update: it does not decode");
    }
    if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return false;
    checkUpdateIds(decoded.structs);
    const shadow = this.#shadow ?? this.#resetShadow();
    this.#shadowTransactions = [];
    try {
      Y.applyUpdate(shadow, update);
    } catch {
      // The shadow may now be half-changed: rebuild it from the live document.
      this.#resetShadow();
      throw new CollabRefusal(CloseCode.badRequest, "Malformed update: it does not apply");
    }
    const stale = stalePendingItem(shadow);
    if (stale) {
      this.#resetShadow();
      throw new CollabRefusal(
        CloseCode.badRequest,
        `Malformed update: item ${stale.client}:${stale.clock} is claimed by two different items`,
      );
    }
    for (const transaction of this.#shadowTransactions) {
      const check = checkTransaction(transaction);
      if (!check.ok) {
        this.#resetShadow();
        throw new CollabRefusal(
          CloseCode.doesNotFitSchema,
          `Update does not fit the document schema (${check.rule}): ${check.message} at ${check.path}`,
        );
      }
    }
    this.#shadowTransactions = [];
    this.#checkSize(shadow, update);
    return true;
  }

  /** Refuses (4413) an update that took the shadow above the size limit. */
  #checkSize(shadow: Y.Doc, update: Uint8Array): void {
    this.#shadowBytes += 2 * update.byteLength;
    if (this.#shadowBytes <= this.#maxBytes) return;
    this.#shadowBytes = Y.encodeStateAsUpdate(shadow).byteLength;
    if (this.#shadowBytes <= this.#maxBytes) return;
    this.#resetShadow();
    throw new CollabRefusal(
      CloseCode.messageTooLarge,
      `Update refused: the section would exceed ${formatSize(this.#maxBytes)} (its size limit)`,
    );
  }

  #resetShadow(): Y.Doc {
    this.#shadow?.destroy();
    const shadow = new Y.Doc();
    // Created before any update, so that the fragment has its type when updates are checked.
    shadow.getXmlFragment(FRAGMENT_NAME);
    const state = Y.encodeStateAsUpdate(this.ydoc);
    Y.applyUpdate(shadow, state);
    // What was accepted but is not in the live document yet (being stored) stays checked
    // against: an update building on it must meet the schema whenever the shadow is rebuilt.
    let bytes = state.byteLength;
    for (const update of this.#accepted) {
      Y.applyUpdate(shadow, update);
      bytes += update.byteLength;
    }
    shadow.on("afterTransaction", (transaction: Y.Transaction) => {
      this.#shadowTransactions.push(transaction);
    });
    this.#shadowBytes = bytes;
    this.#shadowTransactions = [];
    this.#shadow = shadow;
    return shadow;
  }

  #scheduleFlush(): void {
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    // After the I/O phase: every message read from the sockets in this tick joins the batch.
    setImmediate(() => this.#flush());
  }

  #flush(): void {
    this.#flushScheduled = false;
    const batch = this.#pending;
    if (batch.length === 0) return;
    this.#pending = [];
    const done = this.#pendingDone;
    this.#pendingDone = null;
    this.#queued++;
    this.#queue = this.#queue
      .then(() => this.#process(batch))
      .catch((error) =>
        this.hooks.failed(
          this,
          error,
          batch.map((p) => p.origin),
        ),
      )
      .finally(() => {
        this.#queued--;
        done?.resolve();
        // Presence that waited for a batch that failed or was dropped (see #onAwarenessUpdate).
        this.#broadcastAwareness();
      });
  }

  async #process(batch: PendingUpdate[]): Promise<void> {
    const origins = batch.map((p) => p.origin);
    const serverEdits = batch.flatMap((p) => (p.serverEdit ? [p.serverEdit] : []));
    let update: Uint8Array;
    let seq: number | undefined;
    try {
      update = batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((p) => p.update));
      seq = await this.hooks.storeUpdate(this, update, origins, serverEdits);
    } catch (error) {
      // Not stored, so never shown to anyone: the shadow must forget it too.
      for (const p of batch) this.#accepted.delete(p.update);
      if (!this.#destroyed) this.#resetShadow();
      for (const p of batch) p.settle?.reject(error);
      throw error;
    }
    for (const p of batch) this.#accepted.delete(p.update);
    if (this.#destroyed || this.#damaged) return;
    let transaction: Y.Transaction | undefined;
    try {
      // One transaction (applyUpdate joins it): the change hooks learn what it did.
      this.ydoc.transact((t) => {
        transaction = t;
        Y.applyUpdate(this.ydoc, update, this);
      }, this);
    } catch (error) {
      this.#damaged = true;
      for (const p of batch) p.settle?.reject(error);
      this.hooks.damaged(this, error);
      return;
    }
    this.#broadcastUpdate(update);
    // The presence that waited for this batch leaves with it, in the same write per socket.
    this.#broadcastAwareness();
    for (const p of batch) p.settle?.resolve();
    this.hooks.changed(this, update, origins, serverEdits, transaction, seq);
  }

  #applyRelayed(update: Uint8Array, seq: number, through: boolean): void {
    if (this.#destroyed || this.#damaged) return;
    try {
      Y.applyUpdate(this.ydoc, update, RELAYED);
    } catch (error) {
      this.#damaged = true;
      this.hooks.damaged(this, error);
      return;
    }
    // The shadow takes it too, so that local edits building on it validate.
    try {
      if (this.#shadow) Y.applyUpdate(this.#shadow, update);
    } catch {
      this.#resetShadow();
    }
    this.#shadowTransactions = [];
    this.#broadcastUpdate(update);
    this.hooks.relayed?.(this, update, seq, through);
  }

  #broadcastUpdate(update: Uint8Array): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    encoding.writeVarUint(encoder, SyncMessageType.update);
    encoding.writeVarUint8Array(encoder, update);
    this.broadcast(encoding.toUint8Array(encoder));
  }

  #claim(connection: Connection, { clientId, state }: AwarenessEntry): boolean {
    if (connection.presenceClientId !== null) return connection.presenceClientId === clientId;
    // The first announcement is a state; the server's own id is nobody's.
    if (state === null || clientId === this.awareness.clientID) return false;
    const account = connection.presence?.account ?? null;
    const owner = this.#presenceOwners.get(clientId);
    if (owner) {
      if (account === null || owner.presence?.account !== account) return false;
      owner.presenceClientId = null;
    } else {
      const last = this.#presenceAccounts.get(clientId);
      if (last !== undefined && last !== account) return false;
    }
    this.#presenceOwners.set(clientId, connection);
    // A client that moved here from another instance: its presence is now this instance's.
    this.#relayedPresence.delete(clientId);
    if (account !== null) this.#presenceAccounts.set(clientId, account);
    connection.presenceClientId = clientId;
    return true;
  }

  readonly #onAwarenessUpdate = (change: {
    added: number[];
    updated: number[];
    removed: number[];
  }): void => {
    for (const id of [...change.added, ...change.updated, ...change.removed]) {
      this.#awarenessChanged.add(id);
    }
    if (this.#awarenessScheduled) return;
    this.#awarenessScheduled = true;
    setImmediate(() => {
      this.#awarenessScheduled = false;
      // While an update is being stored, the presence (usually the caret of that very keystroke)
      // waits for it: both then leave in one write per socket (see corkUntilTaskEnd), and
      // nobody sees a caret in text they do not have yet.
      if (this.busy) return;
      this.#broadcastAwareness();
    });
  };

  #broadcastAwareness(): void {
    if (this.#destroyed || this.#awarenessChanged.size === 0) return;
    const clients = [...this.#awarenessChanged];
    this.#awarenessChanged.clear();
    this.broadcast(
      encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)),
    );
  }
}

function encodeAwarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** `16 MB`, `1.5 MB`, `64 KB`: a size limit as people read it. */
function formatSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number(mb.toFixed(1))} MB`;
  return `${Number((bytes / 1024).toFixed(1))} KB`;
}
