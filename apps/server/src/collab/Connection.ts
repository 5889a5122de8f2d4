import type { RawData, WebSocket } from "ws";
import type { Logger } from "../Logger";
import { CollabRefusal } from "./CollabRefusal";
import { CloseCode, type CloseCodeValue, closeReason } from "./closeCodes";
import { corkUntilTaskEnd } from "./corkUntilTaskEnd";
import { DeferredRateLimit } from "./DeferredRateLimit";
import type { Document } from "./Document";
import { FrameDecoder } from "./FrameDecoder";
import { MessageRateLimit } from "./MessageRateLimit";
import { messageHandlers } from "./messageHandlers";
import { TRAFFIC_LIMITS, type TrafficLimits } from "./trafficLimits";

/** Limits a connection enforces on what its client sends and on what waits to be sent to it. */
export interface ConnectionLimits {
  /** Largest accepted message, in bytes; larger ones end the connection with 4413. */
  maxMessageBytes: number;
  /** Messages kept while the document loads; more end the connection with 4429. */
  maxBacklog: number;
  /** Messages per second a client may send on average (0: unlimited); beyond, 4429. */
  messagesPerSecond?: number;
  /** Messages a client may send at once above the average rate. */
  messageBurst?: number;
  /**
   * Bytes that may wait in the socket for a client that does not read them (a stuck or very slow
   * reader). A message to send while more than this is queued ends the connection with 1013, so
   * the server holds at most this plus one message per connection.
   */
  maxBufferedBytes?: number;
  /** Presence and sync step 1 bounds; defaults: {@link TRAFFIC_LIMITS}. */
  traffic?: Partial<TrafficLimits>;
}

/**
 * Who a connection is, for presence (set by an authentication hook): the server puts `user` in
 * every presence state the connection sends, whatever the client wrote there.
 */
export interface ConnectionPresence {
  /** The account's stable key: a presence client id passes only between its own connections. */
  account: string;
  /** The `user` field of its presence states (`{ name, color }`). */
  user: Record<string, unknown>;
}

/** How long a client that does not read gets to take its close frame before the socket is cut. */
const SLOW_CLIENT_GRACE_MS = 5_000;

let nextConnectionId = 1;

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}

/**
 * One client's WebSocket on one section. Messages that arrive while the connection is being
 * authenticated and its document loaded are kept (in order) and handled once it is attached.
 * Every message is dispatched by its type to {@link messageHandlers}; whatever a handler throws
 * ends this connection only, with a typed close code.
 */
export class Connection {
  readonly id = nextConnectionId++;
  #readOnlyReason: string | null = null;
  /** Set by authentication hooks (the user, the role, ...). */
  context: Record<string, unknown> = {};
  /** Who this connection shows as in presence states; null: the client's own `user` is kept. */
  presence: ConnectionPresence | null = null;
  /**
   * The awareness client id this connection owns (its first announced one, set by the document):
   * the only one whose presence it may change; removed when it leaves.
   */
  presenceClientId: number | null = null;
  /**
   * Settles once the updates this connection sent so far are stored and applied (or dropped);
   * null when none is waiting. Its sync step 1 is answered after it (read your own writes).
   */
  ownUpdatesApplied: Promise<void> | null = null;
  /** Cleared by each heartbeat ping, set again by the pong. */
  alive = true;
  #document: Document | null = null;
  #backlog: Uint8Array[] = [];
  #closed = false;
  readonly #closeListeners: (() => void)[] = [];
  readonly #rate: MessageRateLimit;
  readonly #presenceRate: DeferredRateLimit;
  readonly #syncRate: DeferredRateLimit;
  readonly #warned = new Set<string>();
  /** The presence and sync bounds of this connection. */
  readonly traffic: TrafficLimits;

  constructor(
    readonly socket: WebSocket,
    readonly documentName: string,
    private readonly limits: ConnectionLimits,
    private readonly logger: Logger,
  ) {
    this.#rate = new MessageRateLimit(limits.messagesPerSecond ?? 0, limits.messageBurst ?? 1);
    this.traffic = { ...TRAFFIC_LIMITS, ...limits.traffic };
    const fail = (error: unknown) => this.fail(error);
    this.#presenceRate = new DeferredRateLimit(
      this.traffic.awarenessBurst,
      this.traffic.awarenessPerSecond,
      fail,
    );
    this.#syncRate = new DeferredRateLimit(
      this.traffic.syncAnswerBurstBytes,
      this.traffic.syncAnswerBytesPerSecond,
      fail,
    );
    socket.on("message", (data, isBinary) => this.#receive(data, isBinary));
    socket.on("pong", () => {
      this.alive = true;
    });
    socket.on("error", (error) => this.logger.warn(`collab #${this.id}: ${error.message}`));
    socket.on("close", () => {
      this.#closed = true;
      this.#backlog = [];
      this.#presenceRate.stop();
      this.#syncRate.stop();
      for (const listener of this.#closeListeners.splice(0)) listener();
    });
  }

  /** Whether the connection may read and show presence but not edit (edits end it with 4403). */
  get readOnly(): boolean {
    return this.#readOnlyReason !== null;
  }

  /** Why the connection is read-only ("reviewers cannot edit sections"), or null. */
  get readOnlyReason(): string | null {
    return this.#readOnlyReason;
  }

  /**
   * Makes the connection read-only for `reason`, or editable again with `null`. Takes effect on
   * the next message: access changes (a lock, a new role) apply to connections already open.
   */
  setReadOnly(reason: string | null): void {
    this.#readOnlyReason = reason;
  }

  /** The document once attached. */
  get document(): Document | null {
    return this.#document;
  }

  /** Whether the socket has closed or is closing. */
  get closed(): boolean {
    return this.#closed;
  }

  /** Runs `listener` once the socket has closed (at once if it already has). */
  onClose(listener: () => void): void {
    if (this.#closed) listener();
    else this.#closeListeners.push(listener);
  }

  /**
   * Joins the loaded document: starts the sync handshake (server sync step 1, the others'
   * presence) and handles the messages that arrived meanwhile.
   */
  attach(document: Document): void {
    this.#document = document;
    document.connections.add(this);
    this.send(document.encodeSyncStep1());
    const awareness = document.encodeAwarenessStates();
    if (awareness) this.send(awareness);
    const backlog = this.#backlog;
    this.#backlog = [];
    for (const message of backlog) {
      if (this.#closed) return;
      this.#handle(message);
    }
  }

  /**
   * Sends one message if the socket is open. A client that has not read what was sent before
   * (more than `maxBufferedBytes` still queued) is disconnected with 1013 instead.
   */
  send(message: Uint8Array): void {
    if (this.#closed || this.socket.readyState !== this.socket.OPEN) return;
    const limit = this.limits.maxBufferedBytes;
    if (limit !== undefined && this.socket.bufferedAmount > limit) {
      this.#dropSlowClient(limit);
      return;
    }
    corkUntilTaskEnd(this.socket);
    this.socket.send(message, { binary: true, compress: false });
  }

  /**
   * Applies a presence change of this connection's client within its rate (see
   * {@link TRAFFIC_LIMITS}): faster changes are merged, the latest one applied once allowed.
   */
  changePresence(apply: () => void): void {
    this.#presenceRate.run(() => {
      apply();
      return 1;
    });
  }

  /**
   * Sends the answer to a sync step 1 within this connection's byte budget: beyond it the answer
   * waits (a newer request replaces a waiting one) and is encoded when the budget allows it.
   */
  answerSyncStep1(encode: () => Uint8Array): void {
    this.#syncRate.run(() => {
      const answer = encode();
      this.send(answer);
      return answer.byteLength;
    });
    if (this.#syncRate.delaying) {
      this.warnOnce(
        "sync",
        "asks for the document faster than its budget allows: answers delayed and merged",
      );
    }
  }

  /** Logs `message` about this connection, once per `key` (what a client keeps doing). */
  warnOnce(key: string, message: string): void {
    if (this.#warned.has(key)) return;
    this.#warned.add(key);
    this.logger.warn(`collab #${this.id} ${this.documentName}: ${message}`);
  }

  /** Ends the connection with a typed code and a human reason. */
  close(code: CloseCodeValue, reason: string): void {
    if (this.#closed) return;
    this.#closed = true;
    this.socket.close(code, closeReason(reason));
  }

  /** Ends the connection for `error`: its own code for a refusal, 1011 for anything else. */
  fail(error: unknown): void {
    if (error instanceof CollabRefusal) {
      if (error.code === CloseCode.internal) {
        this.logger.error(`collab #${this.id} ${this.documentName}: ${error.message}`);
      }
      this.close(error.code, error.message);
      return;
    }
    this.logger.error(`collab #${this.id} ${this.documentName}: internal error`, error);
    this.close(CloseCode.internal, "Internal server error");
  }

  #dropSlowClient(limit: number): void {
    this.logger.warn(
      `collab #${this.id} ${this.documentName}: closed, client too slow ` +
        `(${this.socket.bufferedAmount} bytes unread, limit ${limit})`,
    );
    this.close(
      CloseCode.tryAgainLater,
      "Connection too slow: the client did not read what the server sent; reconnecting",
    );
    // The close frame waits behind the unread bytes: cut the socket if it is not read in time.
    const socket = this.socket;
    setTimeout(() => socket.terminate(), SLOW_CLIENT_GRACE_MS).unref();
  }

  #receive(data: RawData, isBinary: boolean): void {
    if (this.#closed) return;
    if (!this.#rate.take()) {
      this.close(
        CloseCode.rateLimited,
        `Rate limit: more than ${this.limits.messagesPerSecond} messages per second ` +
          `(bursts of ${this.limits.messageBurst})`,
      );
      return;
    }
    if (!isBinary) {
      this.close(
        CloseCode.badRequest,
        "Malformed message: text frames are not part of the protocol",
      );
      return;
    }
    const bytes = toBytes(data);
    if (bytes.byteLength > this.limits.maxMessageBytes) {
      this.close(
        CloseCode.messageTooLarge,
        `Message of ${bytes.byteLength} bytes exceeds the limit of ${this.limits.maxMessageBytes}`,
      );
      return;
    }
    if (!this.#document) {
      if (this.#backlog.length >= this.limits.maxBacklog) {
        this.close(CloseCode.rateLimited, "Too many messages before the section was ready");
        return;
      }
      this.#backlog.push(bytes);
      return;
    }
    this.#handle(bytes);
  }

  #handle(message: Uint8Array): void {
    const document = this.#document;
    if (!document) return;
    try {
      const decoder = new FrameDecoder(message);
      const type = decoder.readVarUint("message type");
      const handler = messageHandlers.get(type);
      if (!handler) throw new CollabRefusal(CloseCode.badRequest, `Unknown message type ${type}`);
      handler({ connection: this, document, decoder });
    } catch (error) {
      this.fail(error);
    }
  }
}
