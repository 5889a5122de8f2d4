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

/**
 * A hand-driven y-websocket client for tests: sends exactly the frames it is given, records what
 * the server sends, and mirrors received sync updates into `doc`.
 */
export class RawCollabClient {
  readonly ws: WebSocket;
  readonly doc = new Y.Doc();
  readonly messages: ReceivedMessage[] = [];
  readonly opened: Promise<void>;
  readonly closed: Promise<{ code: number; reason: string }>;

  /** `cookie`: the `Cookie` header of the upgrade (a session); `origin`: its `Origin` header. */
  constructor(url: string, options: { cookie?: string; origin?: string } = {}) {
    const headers: Record<string, string> = {};
    if (options.cookie) headers.cookie = options.cookie;
    this.ws = new WebSocket(url, {
      headers,
      ...(options.origin ? { origin: options.origin } : {}),
    });
    this.ws.binaryType = "nodebuffer";
    this.opened = new Promise((resolve, reject) => {
      this.ws.once("open", () => resolve());
      this.ws.once("error", reject);
    });
    this.closed = new Promise((resolve) => {
      this.ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() }));
    });
    this.ws.on("error", () => {});
    this.ws.on("message", (data: Buffer) => {
      const bytes = new Uint8Array(data);
      const decoder = decoding.createDecoder(bytes);
      const type = decoding.readVarUint(decoder);
      const message: ReceivedMessage = { type, bytes };
      if (type === MessageType.sync) {
        message.syncType = decoding.readVarUint(decoder);
        message.payload = decoding.readVarUint8Array(decoder);
        if (message.syncType !== SyncMessageType.step1) Y.applyUpdate(this.doc, message.payload);
      } else if (type === MessageType.awareness) {
        message.payload = decoding.readVarUint8Array(decoder);
      }
      this.messages.push(message);
    });
  }

  /** Sends raw bytes (or text, to test refusals). */
  send(data: Uint8Array | string): void {
    this.ws.send(data);
  }

  /** Sends a sync message of `syncType` carrying `payload`. */
  sendSync(syncType: number, payload: Uint8Array): void {
    this.send(RawCollabClient.syncMessage(syncType, payload));
  }

  /** Encodes a sync message. */
  static syncMessage(syncType: number, payload: Uint8Array): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    encoding.writeVarUint(encoder, syncType);
    encoding.writeVarUint8Array(encoder, payload);
    return encoding.toUint8Array(encoder);
  }

  /** Sends sync step 1 with this client's state vector. */
  sendStep1(): void {
    this.sendSync(SyncMessageType.step1, Y.encodeStateVector(this.doc));
  }

  /** Resolves with the first received message (from index `from`) that satisfies `match`. */
  async waitForMessage(
    match: (message: ReceivedMessage) => boolean,
    from = 0,
    timeoutMs = 5_000,
  ): Promise<ReceivedMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.slice(from).find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error("Timed out waiting for a message");
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  close(): void {
    this.ws.close();
  }
}

/** A Yjs update that inserts a paragraph with `text` into the section fragment. */
export function paragraphUpdate(text: string, base?: Y.Doc): Uint8Array {
  const doc = new Y.Doc();
  if (base) Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(doc);
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = doc.getXmlFragment("default");
  fragment.insert(fragment.length, [paragraph]);
  return Y.encodeStateAsUpdate(doc, before);
}

/** Polls `condition` until it holds; `timeoutMs` is an upper bound only. */
export async function eventually(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("Timed out waiting for a condition");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
