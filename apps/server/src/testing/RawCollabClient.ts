import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { WebSocket } from "ws";
import * as Y from "yjs";
import { MessageType, SyncMessageType } from "../collab/messageTypes";

/** A message received by {@link RawCollabClient}, decoded just enough for assertions. */
export interface ReceivedMessage {
  type: number;
  syncType?: number;
  payload?: Uint8Array;
  bytes: Uint8Array;
}

/** How the server ended a connection. */
export interface CloseInfo {
  code: number;
  reason: string;
}

/** Headers of the upgrade: `cookie` (a session) and `origin`. A string is the cookie alone. */
export type RawClientOptions = string | { cookie?: string; origin?: string };

/** A sync step 1 with an empty state vector: the server answers with its whole document. */
export const FULL_STATE_PROBE = new Uint8Array([0, 0, 1, 0]);

/**
 * The one hand-driven y-websocket client of the tests (unit, multi-process, fuzzing): built from
 * `ws` and the protocol encoders, not y-websocket, it sends exactly the frames it is given
 * (malformed ones and edits a well-behaved editor never sends included), records what the server
 * answers, and mirrors received sync updates into `doc`.
 */
export class RawCollabClient {
  readonly ws: WebSocket;
  readonly doc = new Y.Doc();
  readonly messages: ReceivedMessage[] = [];
  readonly opened: Promise<void>;
  readonly closed: Promise<CloseInfo>;
  /** Set once the socket has closed. */
  closeInfo: CloseInfo | null = null;
  readonly #listeners = new Set<() => void>();

  constructor(url: string, options: RawClientOptions = {}) {
    const { cookie, origin } = typeof options === "string" ? { cookie: options } : options;
    this.ws = new WebSocket(url, {
      headers: cookie ? { cookie } : {},
      perMessageDeflate: false,
      ...(origin ? { origin } : {}),
    });
    this.ws.binaryType = "nodebuffer";
    this.opened = new Promise((resolve, reject) => {
      this.ws.once("open", () => resolve());
      this.ws.once("error", reject);
      this.ws.once("unexpected-response", (_request, response) =>
        reject(new Error(`HTTP ${response.statusCode} instead of a WebSocket`)),
      );
    });
    this.opened.catch(() => {});
    this.closed = new Promise((resolve) => {
      this.ws.on("close", (code, reason) => {
        this.closeInfo = { code, reason: reason.toString() };
        resolve(this.closeInfo);
        this.#notify();
      });
    });
    this.ws.on("error", () => {});
    this.ws.on("message", (data: Buffer) => {
      this.messages.push(this.#decode(new Uint8Array(data)));
      this.#notify();
    });
  }

  /** Opens a client on `section` of the server at `url` (http://...) and waits until it is open. */
  static async open(url: string, section: string, cookie: string): Promise<RawCollabClient> {
    const client = new RawCollabClient(`${url.replace(/^http/, "ws")}/collab/${section}`, cookie);
    await client.opened;
    return client;
  }

  /** Encodes a sync message (0 step 1, 1 step 2, 2 update). */
  static syncMessage(syncType: number, payload: Uint8Array): Uint8Array {
    return syncMessage(syncType, payload);
  }

  /** Sync message types received (0 step 1, 1 step 2, 2 update), in order. */
  get syncTypes(): number[] {
    return this.messages.flatMap((m) => (m.syncType === undefined ? [] : [m.syncType]));
  }

  /** Awareness updates received, raw. */
  get awareness(): Uint8Array[] {
    return this.messages.flatMap((m) =>
      m.type === MessageType.awareness && m.payload ? [m.payload] : [],
    );
  }

  /** Whether the server's sync step 1 has arrived (this client never answers it by itself). */
  get sawServerStep1(): boolean {
    return this.syncTypes.includes(SyncMessageType.step1);
  }

  /** Sends raw bytes (or text, to test refusals) while the socket is open. */
  send(data: Uint8Array | string): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(data);
  }

  /** Sends a sync message of `syncType` carrying `payload`. */
  sendSync(syncType: number, payload: Uint8Array): void {
    this.send(syncMessage(syncType, payload));
  }

  /** Sends sync step 1 with this client's state vector. */
  sendStep1(): void {
    this.sendSync(SyncMessageType.step1, Y.encodeStateVector(this.doc));
  }

  /** Sends a sync step 2 carrying `update` (what a client answers to the server's step 1). */
  sendStep2(update: Uint8Array): void {
    this.sendSync(SyncMessageType.step2, update);
  }

  /** Sends an update message carrying `update`. */
  sendUpdate(update: Uint8Array): void {
    this.sendSync(SyncMessageType.update, update);
  }

  /** Sends an awareness update announcing `state` for this client's id. */
  sendAwareness(state: Record<string, unknown>): void {
    this.send(awarenessMessage(awarenessUpdate(this.doc.clientID, 1, JSON.stringify(state))));
  }

  /** A Yjs update that appends a paragraph with `text` to this client's copy of the section. */
  paragraphUpdate(text: string): Uint8Array {
    return paragraphUpdate(text, this.doc);
  }

  /** The section's text as this client has received it. */
  text(): string {
    return this.doc.getXmlFragment("default").toString();
  }

  /**
   * Resolves with the first message from index `from` on that `match`es, or with the close if
   * the socket closes first. `timeoutMs` is an upper bound only.
   */
  next(
    match: (message: ReceivedMessage) => boolean,
    from: number,
    timeoutMs = 15_000,
  ): Promise<ReceivedMessage | CloseInfo> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.messages.slice(from).find(match);
        if (found) return done(found);
        if (this.closeInfo) return done(this.closeInfo);
      };
      const timer = setTimeout(() => {
        this.#listeners.delete(check);
        reject(new Error("Timed out waiting for the server"));
      }, timeoutMs);
      const done = (value: ReceivedMessage | CloseInfo) => {
        clearTimeout(timer);
        this.#listeners.delete(check);
        resolve(value);
      };
      this.#listeners.add(check);
      check();
    });
  }

  /** Resolves with the first received message (from index `from`) that satisfies `match`. */
  async waitForMessage(
    match: (message: ReceivedMessage) => boolean,
    from = 0,
    timeoutMs = 5_000,
  ): Promise<ReceivedMessage> {
    const found = await this.next(match, from, timeoutMs).catch(() => null);
    if (found && !("code" in found)) return found;
    throw new Error("Timed out waiting for a message");
  }

  /**
   * Sends `message` (if any), then a {@link FULL_STATE_PROBE}; resolves with the server's whole
   * document (the payload of its sync step 2) if the connection survived `message`, or with how
   * it was closed. Messages on one connection are handled in order, so the answer tells whether
   * the server accepted `message`. `answers`: how many sync step 2s `message` itself brings.
   */
  async sendAndProbe(
    message?: Uint8Array,
    { answers = 0 }: { answers?: number } = {},
  ): Promise<Uint8Array | CloseInfo> {
    const from = this.messages.length;
    if (message) this.send(message);
    this.send(FULL_STATE_PROBE);
    // `message` may itself be answered with sync step 2s (a sync step 1): skip those.
    const step2s = () =>
      this.messages
        .slice(from)
        .filter((m) => m.type === MessageType.sync && m.syncType === SyncMessageType.step2);
    const answer = await this.next(() => step2s().length > answers, from);
    return "code" in answer ? answer : step2s()[answers]!.payload!;
  }

  close(): void {
    this.ws.close();
  }

  #decode(bytes: Uint8Array): ReceivedMessage {
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    const message: ReceivedMessage = { type, bytes };
    if (type === MessageType.sync) {
      message.syncType = decoding.readVarUint(decoder);
      message.payload = decoding.readVarUint8Array(decoder);
      if (message.syncType !== SyncMessageType.step1)
        Y.applyUpdate(this.doc, message.payload, this);
    } else if (type === MessageType.awareness) {
      message.payload = decoding.readVarUint8Array(decoder);
    }
    return message;
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}

/** Encodes a y-websocket sync message of `syncType` (0 step 1, 1 step 2, 2 update). */
export function syncMessage(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** Encodes a y-websocket awareness message carrying `update`. */
export function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** An awareness update announcing `state` (JSON text, taken as is) for `clientId` at `clock`. */
export function awarenessUpdate(clientId: number, clock: number, stateJson: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, clientId);
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarString(encoder, stateJson);
  return encoding.toUint8Array(encoder);
}

/** A Yjs update that appends a paragraph with `text` to the section fragment (of `base`). */
export function paragraphUpdate(text: string, base?: Y.Doc): Uint8Array {
  const doc = new Y.Doc();
  if (base) Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(doc);
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = doc.getXmlFragment("default");
  fragment.insert(fragment.length, [paragraph]);
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return update;
}

/** Polls `condition` until it holds; `timeoutMs` is an upper bound only. */
export async function eventually(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("Timed out waiting for a condition");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
