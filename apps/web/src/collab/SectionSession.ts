import { CloseCode } from "@rapporteur/api";
import { FRAGMENT_NAME } from "@rapporteur/schema";
import { IndexeddbPersistence } from "y-indexeddb";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { LocalUser } from "../identity/LocalUser";
import { type ConnectionState, deriveConnectionState } from "./connectionState";

/** What the UI reads from a session; a new object whenever something in it changes. */
export interface SessionSnapshot {
  connection: ConnectionState;
  /** Why the server refused the section for good (a 44xx close), if it did. */
  refusal: string | null;
  /** The close code of that refusal (4403: read-only, 4429: too many connections, ...). */
  refusalCode: number | null;
  /** The copy kept in this browser (IndexedDB) has been loaded into the document. */
  localCopyLoaded: boolean;
  /** The document has been in sync with the server at least once since the page loaded. */
  hasSynced: boolean;
}

/** What a session tells the app about the account behind it. */
export interface SessionEvents {
  /** The server ended the connection because the session is gone (4401). */
  onSessionEnded: (reason: string) => void;
  /** Connections keep failing before they open (the upgrade may be refused: 401). */
  onConnectionFailing: () => void;
}

/** Failed attempts in a row after which the app is asked to check the session. */
const FAILURES_BEFORE_CHECK = 2;

/**
 * One section's live document: its Y.Doc, the WebSocket provider that syncs it with the server,
 * and the IndexedDB copy that keeps edits made offline across reloads.
 */
export class SectionSession {
  readonly ydoc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private readonly persistence: IndexeddbPersistence | null;
  private readonly listeners = new Set<() => void>();
  private status: "connecting" | "connected" | "disconnected" = "connecting";
  private failedSinceLastConnection = false;
  private browserOnline: boolean;
  private snapshot: SessionSnapshot;
  private failuresInARow = 0;
  /** The server closed it as archived or merged away (4410): it is never connected again. */
  private retired = false;

  /**
   * @param storageName name of the IndexedDB copy (per account, so that people sharing a browser
   *   never merge each other's local copies).
   */
  constructor(
    readonly sectionId: string,
    collabUrl: string,
    online: boolean,
    storageName: string,
    events: SessionEvents,
  ) {
    this.browserOnline = online;
    this.ydoc.getXmlFragment(FRAGMENT_NAME);
    this.persistence = openPersistence(storageName, this.ydoc);
    this.provider = new WebsocketProvider(collabUrl, sectionId, this.ydoc, { connect: online });
    // Not present until the user opens the section (see enter()).
    this.provider.awareness.setLocalState(null);
    this.status = online ? "connecting" : "disconnected";

    this.provider.on("status", ({ status }) => {
      if (status === "connected") {
        this.failedSinceLastConnection = false;
        this.failuresInARow = 0;
      }
      if (status === "disconnected") this.failedSinceLastConnection = true;
      this.status = status;
      this.update({});
    });
    this.provider.on("connection-close", (event) => {
      // A close before the socket ever opened (server down) is a failure too.
      this.failedSinceLastConnection = true;
      // A refused upgrade (no session: HTTP 401) reaches the browser as a bare 1006 close.
      if (event?.code === 1006 && this.browserOnline) {
        this.failuresInARow += 1;
        if (this.failuresInARow >= FAILURES_BEFORE_CHECK) events.onConnectionFailing();
      }
      this.update({});
    });
    this.provider.on("sync", (synced) => this.update(synced ? { hasSynced: true } : {}));
    this.provider.on("closed", ({ code, reason }) => {
      if (code === CloseCode.unauthenticated) {
        events.onSessionEnded(reason || "Your session has ended: sign in again.");
        return;
      }
      if (code === CloseCode.sectionRetired) this.retired = true;
      this.update({
        refusal: reason || `The server closed the connection (code ${code}).`,
        refusalCode: code,
      });
    });
    this.persistence?.whenSynced.then(
      () => this.update({ localCopyLoaded: true }),
      () => this.update({ localCopyLoaded: true }),
    );
    this.snapshot = {
      connection: this.connectionState(),
      refusal: null,
      refusalCode: null,
      localCopyLoaded: this.persistence === null,
      hasSynced: false,
    };
  }

  /** The server closed it as archived or merged away: a reopened section needs a new session. */
  get isRetired(): boolean {
    return this.retired;
  }

  /** Subscribes to snapshot changes (for `useSyncExternalStore`). */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The current snapshot (stable until something changes). */
  getSnapshot = (): SessionSnapshot => this.snapshot;

  /** Shows the user as present in this section (awareness), ahead of the editor's caret. */
  enter(user: LocalUser): void {
    const state = this.provider.awareness.getLocalState();
    if (state === null) this.provider.awareness.setLocalState({ user });
  }

  /** Removes the user from this section's presence while keeping the document in sync. */
  leave(): void {
    if (this.provider.awareness.getLocalState() !== null)
      this.provider.awareness.setLocalState(null);
  }

  /** Follows the browser's network state: disconnect at once when offline, reconnect when back. */
  setOnline(online: boolean): void {
    this.browserOnline = online;
    if (online && !this.retired) {
      this.failedSinceLastConnection = false;
      this.provider.connect();
    } else {
      this.provider.disconnect();
    }
    this.update({});
  }

  /**
   * Connects again after a refusal (y-websocket does not retry after 4400-4499 closes): e.g. a
   * read-only connection once the section is reopened.
   */
  reconnect(): void {
    if (this.retired) return;
    this.update({ refusal: null, refusalCode: null });
    if (this.browserOnline) this.provider.connect();
  }

  /** Closes the connection; with `forget`, also deletes the copy kept in this browser. */
  destroy(options: { forget?: boolean } = {}): void {
    this.listeners.clear();
    this.provider.destroy();
    if (options.forget) void this.persistence?.clearData();
    else void this.persistence?.destroy();
    this.ydoc.destroy();
  }

  private connectionState(): ConnectionState {
    return deriveConnectionState({
      browserOnline: this.browserOnline,
      status: this.status,
      synced: this.provider.synced,
      failedSinceLastConnection: this.failedSinceLastConnection,
    });
  }

  private update(change: Partial<SessionSnapshot>): void {
    const next = { ...this.snapshot, ...change, connection: this.connectionState() };
    const previous = this.snapshot;
    if (
      next.connection === previous.connection &&
      next.refusal === previous.refusal &&
      next.refusalCode === previous.refusalCode &&
      next.localCopyLoaded === previous.localCopyLoaded &&
      next.hasSynced === previous.hasSynced
    ) {
      return;
    }
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}

function openPersistence(name: string, ydoc: Y.Doc): IndexeddbPersistence | null {
  if (typeof indexedDB === "undefined") return null;
  try {
    return new IndexeddbPersistence(name, ydoc);
  } catch {
    // Private browsing may refuse IndexedDB: the editor still works online.
    return null;
  }
}
