/** What one server instance tells the others through the relay. */
export type RelayMessage =
  /** An update the sender stored (as `seq` in the shared store) and applied. */
  | { kind: "update"; section: string; seq: number; update: Uint8Array }
  /** An awareness (presence) update of the sender's clients on `section`. */
  | { kind: "awareness"; section: string; update: Uint8Array }
  /** The sender loaded `section` and asks the others for the presence of their clients on it. */
  | { kind: "awarenessQuery"; section: string }
  /** An event of the Server-Sent Events stream, sent to every stream (`data`: its JSON value). */
  | { kind: "event"; name: string; data: unknown };

/** A message from another instance, as the relay hands it on. */
export type RelayListener = (message: RelayMessage) => void;

/**
 * How the server instances that share one document store tell each other what they changed, after
 * Hocuspocus's Redis extension. An instance stores an update before it publishes it, so a
 * receiving instance applies it without storing it again. Messages of one section reach an
 * instance only while it is subscribed to that section (while it has the section loaded); events
 * reach every instance. An instance never receives its own messages.
 */
export interface DocumentRelay {
  /** Hands every message from another instance to `listener`; returns how to stop. */
  listen(listener: RelayListener): () => void;
  /**
   * Calls `listener` each time the relay has lost its connection and got it back, with its
   * subscriptions restored: messages published meanwhile may be lost, so what they carried must
   * be read again from the store. Returns how to stop.
   */
  onReconnect(listener: () => void): () => void;
  /** Publishes an update of `section` this instance stored as `seq` and applied. */
  publishUpdate(section: string, update: Uint8Array, seq: number): Promise<void>;
  /** Publishes an awareness update of this instance's clients on `section`. */
  publishAwareness(section: string, update: Uint8Array): Promise<void>;
  /** Asks the other instances for the presence of their clients on `section`. */
  queryAwareness(section: string): Promise<void>;
  /** Publishes an event of the Server-Sent Events stream (sent to every stream). */
  publishEvent(name: string, data: unknown): Promise<void>;
  /**
   * Starts receiving the messages of `section`: once it resolves, every message published about
   * it reaches the listeners (subscribe before loading the section, and nothing is missed).
   */
  subscribe(section: string): Promise<void>;
  /** Stops receiving the messages of `section` (it was unloaded). */
  unsubscribe(section: string): Promise<void>;
  /** Disconnects. */
  close(): Promise<void>;
}
