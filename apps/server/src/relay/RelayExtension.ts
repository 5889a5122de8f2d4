import type { StoredDocument } from "@rapporteur/storage";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import type { CollabExtension, DocumentContext, UpdateContext } from "../collab/CollabExtension";
import type { Document } from "../collab/Document";
import { validateAwarenessUpdate } from "../collab/validateAwarenessUpdate";
import type { Logger } from "../Logger";
import type { DocumentRelay, RelayMessage } from "./DocumentRelay";

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * The collaboration hooks of the relay between server instances: subscribes to a section before
 * it is loaded (put it before the storage extension) and unsubscribes when it leaves memory;
 * publishes each update this instance stored and applied, with its sequence number, and the
 * presence of this instance's clients; hands what other instances publish to the loaded document
 * (applied and broadcast, not stored again). Malformed updates or presence are logged and dropped.
 * When the relay reconnects (messages may have been lost), every loaded section is read again from
 * the store and what it lacks is applied.
 */
export class RelayExtension implements CollabExtension {
  readonly name = "relay";
  readonly #documents = new Map<string, Document>();
  readonly #stopListening: () => void;
  readonly #stopCatchingUp: () => void;

  /** @param load reads a section from the store the instances share (to catch up). */
  constructor(
    private readonly relay: DocumentRelay,
    private readonly load: (section: string) => Promise<StoredDocument>,
    private readonly logger: Logger,
  ) {
    this.#stopListening = relay.listen((message) => this.#receive(message));
    this.#stopCatchingUp = relay.onReconnect(() => {
      for (const [section, document] of this.#documents) {
        this.#catchUp(section, document).catch((error) =>
          this.logger.error(`relay: ${section}: could not catch up from the store`, error),
        );
      }
    });
  }

  async onLoadDocument({ documentName, document }: DocumentContext): Promise<void> {
    this.#documents.set(documentName, document);
    // Before the store is read: an update stored meanwhile arrives and waits for the load.
    try {
      await this.relay.subscribe(documentName);
    } catch (error) {
      // Without its channel the section would miss the other instances' edits: not loaded.
      if (this.#documents.get(documentName) === document) this.#documents.delete(documentName);
      throw error;
    }
    document.awareness.on("update", (change: AwarenessChange, origin: unknown) =>
      this.#presenceChanged(document, change, origin),
    );
    this.#publishing(this.relay.queryAwareness(documentName), documentName);
  }

  onChange({ documentName, update, seq }: UpdateContext): void {
    if (seq === undefined) return;
    this.#publishing(this.relay.publishUpdate(documentName, update, seq), documentName);
  }

  async onUnloadDocument({ documentName, document }: DocumentContext): Promise<void> {
    if (this.#documents.get(documentName) !== document) return;
    this.#documents.delete(documentName);
    await this.relay.unsubscribe(documentName);
  }

  /** Stops handing the relay's messages to documents (the server is closing). */
  stop(): void {
    this.#stopListening();
    this.#stopCatchingUp();
    this.#documents.clear();
  }

  /** Applies whatever the store holds of `section` (relayed messages may have been lost). */
  async #catchUp(section: string, document: Document): Promise<void> {
    const { updates, lastSeq } = await this.load(section);
    if (updates.length === 0 || this.#documents.get(section) !== document) return;
    document.receiveRelayedUpdate(Y.mergeUpdates(updates), lastSeq, true);
  }

  #receive(message: RelayMessage): void {
    if (message.kind === "event") return;
    const document = this.#documents.get(message.section);
    if (!document) return;
    switch (message.kind) {
      case "update":
        try {
          // Reads every struct and the delete set: a damaged update never reaches the document.
          Y.decodeUpdate(message.update);
        } catch {
          this.logger.warn(`relay: ${message.section}: dropped an update that does not decode`);
          return;
        }
        document.receiveRelayedUpdate(message.update, message.seq);
        return;
      case "awareness": {
        let entries: ReturnType<typeof validateAwarenessUpdate>;
        try {
          entries = validateAwarenessUpdate(message.update);
        } catch {
          this.logger.warn(`relay: ${message.section}: dropped a malformed presence update`);
          return;
        }
        document.receiveRelayedAwareness(entries);
        return;
      }
      case "awarenessQuery": {
        const { awareness } = document;
        const local = [...awareness.getStates().keys()].filter(
          (id) => id !== awareness.clientID && !document.isRelayedPresence(id, null),
        );
        if (local.length === 0) return;
        const update = awarenessProtocol.encodeAwarenessUpdate(awareness, local);
        this.#publishing(this.relay.publishAwareness(message.section, update), message.section);
        return;
      }
    }
  }

  #presenceChanged(document: Document, change: AwarenessChange, origin: unknown): void {
    const local = [...change.added, ...change.updated, ...change.removed].filter(
      (id) => !document.isRelayedPresence(id, origin),
    );
    if (local.length === 0) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(document.awareness, local);
    this.#publishing(this.relay.publishAwareness(document.name, update), document.name);
  }

  #publishing(published: Promise<void>, section: string): void {
    published.catch((error) => this.logger.error(`relay: ${section}: could not publish`, error));
  }
}
