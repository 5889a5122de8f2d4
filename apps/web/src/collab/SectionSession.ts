import { FRAGMENT_NAME } from "@rapporteur/schema";
import { IndexeddbPersistence } from "y-indexeddb";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { LocalUser } from "../identity/useDisplayName";
import { type ConnectionState, deriveConnectionState } from "./connectionState";

/** What the UI reads from a session; a new object whenever something in it changes. */
export interface SessionSnapshot {
  connection: ConnectionState;
  /** Why the server refused the section for good (a 44xx close), if it did. */
  refusal: string | null;
  /** The copy kept in this browser (IndexedDB) has been loaded into the document. */
  localCopyLoaded: boolean;
  /** The document has been in sync with the server at least once since the page loaded. */
  hasSynced: boolean;
}

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

  constructor(
    readonly sectionId: string,
    collabUrl: string,
    online: boolean,
  ) {
    this.browserOnline = online;
    this.ydoc.getXmlFragment(FRAGMENT_NAME);
    this.persistence = openPersistence(sectionId, this.ydoc);
    this.provider = new WebsocketProvider(collabUrl, sectionId, this.ydoc, { connect: online });
    // Not present until the user opens the section (see enter()).
    this.provider.awareness.setLocalState(null);
    this.status = online ? "connecting" : "disconnected";

    this.provider.on("status", ({ status }) => {
      if (status === "connected") this.failedSinceLastConnection = false;
      if (status === "disconnected") this.failedSinceLastConnection = true;
      this.status = status;
      this.update({});
    });
    this.provider.on("connection-close", () => {
      // A close before the socket ever opened (server down) is a failure too.
      this.failedSinceLastConnection = true;
      this.update({});
    });
    this.provider.on("sync", (synced) => this.update(synced ? { hasSynced: true } : {}));
    this.provider.on("closed", ({ code, reason }) => {
      this.update({ refusal: reason || `The server closed the connection (code ${code}).` });
    });
    this.persistence?.whenSynced.then(
      () => this.update({ localCopyLoaded: true }),
      () => this.update({ localCopyLoaded: true }),
    );
    this.snapshot = {
      connection: this.connectionState(),
      refusal: null,
      localCopyLoaded: this.persistence === null,
      hasSynced: false,
    };
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
    if (online) {
      this.failedSinceLastConnection = false;
      this.provider.connect();
    } else {
      this.provider.disconnect();
    }
    this.update({});
  }

  destroy(): void {
    this.listeners.clear();
    this.provider.destroy();
    void this.persistence?.destroy();
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
      next.localCopyLoaded === previous.localCopyLoaded &&
      next.hasSynced === previous.hasSynced
    ) {
      return;
    }
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}

function openPersistence(sectionId: string, ydoc: Y.Doc): IndexeddbPersistence | null {
  if (typeof indexedDB === "undefined") return null;
  try {
    return new IndexeddbPersistence(`rapporteur:${sectionId}`, ydoc);
  } catch {
    // Private browsing may refuse IndexedDB: the editor still works online.
    return null;
  }
}
