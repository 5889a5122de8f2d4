import type { IncomingMessage } from "node:http";
import type { HistoryKind } from "@rapporteur/storage";
import type * as Y from "yjs";
import type { Connection } from "./Connection";
import type { Document } from "./Document";

/** Passed to {@link CollabExtension.onAuthenticate}. */
export interface AuthenticateContext {
  documentName: string;
  /** The HTTP upgrade request (headers, cookies, remote address). */
  request: IncomingMessage;
  /** Query parameters of the connection URL (y-websocket `params`). */
  params: URLSearchParams;
  connection: Connection;
}

/** What an authentication hook may decide about a connection it lets in. */
export interface AuthenticateResult {
  /** The connection may read and show presence but not edit: edits end it with 4403. */
  readOnly?: boolean;
  /** Why it is read-only, shown in the 4403 close reason ("reviewers cannot edit sections"). */
  readOnlyReason?: string;
  /** Anything later hooks need (the user, the role), merged into `connection.context`. */
  context?: Record<string, unknown>;
}

/** Passed to the document lifecycle hooks. */
export interface DocumentContext {
  documentName: string;
  document: Document;
}

/** Who made a server-side edit (an import, a restore, ...) and what kind it is, for the history. */
export interface ServerEdit {
  /** The account on whose behalf the server edits, or null (a command-line tool). */
  userId: number | null;
  kind: HistoryKind;
}

/** Passed to {@link CollabExtension.onStoreUpdate} and {@link CollabExtension.onChange}. */
export interface UpdateContext extends DocumentContext {
  /** One validated Yjs update (the updates of one tick merged). */
  update: Uint8Array;
  /** The connections the update came from; `null` for a server-side edit. */
  origins: readonly (Connection | null)[];
  /** The server-side edits among them, with who made them (empty for clients' edits only). */
  serverEdits: readonly ServerEdit[];
  /**
   * The live document's transaction that applied the update (`onChange` only): its `beforeState`
   * tells what the update inserted, its `deleteSet` what it deleted.
   */
  transaction?: Y.Transaction;
  /** The sequence number the store gave the update (`onChange` only; see {@link StoredUpdate}). */
  seq?: number;
}

/** What an `onStoreUpdate` hook that stored the update returns: where the store put it. */
export interface StoredUpdate {
  /** The update's sequence number in the store (see `DocumentStore.append`). */
  seq: number;
}

/** Passed to {@link CollabExtension.onRelayedUpdate}. */
export interface RelayedUpdateContext extends DocumentContext {
  /** The update, as another server instance stored and applied it. */
  update: Uint8Array;
  /** Its sequence number in the store the instances share. */
  seq: number;
  /**
   * The update holds every stored update through `seq`, not only the one stored as `seq`: the
   * section read again from the store (after the relay may have lost messages).
   */
  through: boolean;
}

/** Passed to {@link CollabExtension.onDisconnect}. */
export interface ConnectionContext extends DocumentContext {
  connection: Connection;
}

/**
 * A plug-in of the collaboration server, after Hocuspocus extensions: each hook does one thing,
 * and the server calls the hooks of all extensions in the order the extensions were given. A hook
 * ends a connection by throwing {@link CollabRefusal}; any other error ends it with 1011.
 */
export interface CollabExtension {
  /** Shown in logs when a hook fails. */
  readonly name: string;
  /**
   * Before the document is loaded for a new connection. Throw a refusal (4401, 4403, ...) to turn
   * the connection away; return `readOnly` or `context` to qualify it.
   */
  onAuthenticate?(context: AuthenticateContext): Promise<AuthenticateResult | undefined>;
  /**
   * When a document is loaded into memory, before any connection sees it: fill `document.ydoc`
   * (from storage, say). Also the place to refuse loading more documents (bound on memory).
   */
  onLoadDocument?(context: DocumentContext): Promise<void>;
  /**
   * Before a validated update is applied and broadcast: the update is visible to nobody until
   * every `onStoreUpdate` has resolved. Persist it here. A failure drops the update and ends the
   * connections it came from with 1011, so that their clients reconnect and send it again.
   */
  onStoreUpdate?(context: UpdateContext): Promise<StoredUpdate | undefined>;
  /** After an update has been applied and broadcast. Not awaited by the pipeline. */
  onChange?(context: UpdateContext): Promise<void> | void;
  /**
   * After an update stored by another server instance (see the relay) has been applied here and
   * broadcast to this instance's connections; it is not stored again and `onChange` does not run
   * for it (that instance ran it). Not awaited.
   */
  onRelayedUpdate?(context: RelayedUpdateContext): void;
  /** After a connection has left a document. */
  onDisconnect?(context: ConnectionContext): Promise<void> | void;
  /** Before an idle (or, at shutdown, every) document leaves memory: compact it, say. */
  onUnloadDocument?(context: DocumentContext): Promise<void>;
}
