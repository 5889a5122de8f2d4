import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { WebSocket } from "ws";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";

/** y-websocket's top-level message types (the first varUint of a frame). */
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;

/**
 * A collaboration client built by hand from `ws` and the y-protocols/sync encoders, not from
 * y-websocket: it sends exactly what a test asks, including edits a well-behaved editor would
 * never send (a reviewer's sync step 2 with content), and records how the server answers.
 */
export class HandMadeSyncClient {
  readonly ws: WebSocket;
  readonly doc = new Y.Doc();
  /** Sync message types received (0 step 1, 1 step 2, 2 update), in order. */
  readonly syncTypes: number[] = [];
  /** Awareness updates received, raw. */
  readonly awareness: Uint8Array[] = [];
  readonly opened: Promise<void>;
  readonly closed: Promise<{ code: number; reason: string }>;
  #serverStep1 = false;

  constructor(url: string, cookie: string) {
    this.ws = new WebSocket(url, { headers: { cookie } });
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
      this.ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() }));
    });
    this.ws.on("error", () => {});
    this.ws.on("message", (data: Buffer) => this.#receive(new Uint8Array(data)));
  }

  /** Whether the server's sync step 1 has arrived (this client never answers it by itself). */
  get sawServerStep1(): boolean {
    return this.#serverStep1;
  }

  /** Sends sync step 1 (this client's state vector). */
  sendStep1(): void {
    const encoder = this.#syncEncoder();
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.ws.send(encoding.toUint8Array(encoder));
  }

  /** Sends a sync step 2 carrying `update` (what a client answers to the server's step 1). */
  sendStep2(update: Uint8Array): void {
    const encoder = this.#syncEncoder();
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(encoder, update);
    this.ws.send(encoding.toUint8Array(encoder));
  }

  /** Sends an update message carrying `update`. */
  sendUpdate(update: Uint8Array): void {
    const encoder = this.#syncEncoder();
    syncProtocol.writeUpdate(encoder, update);
    this.ws.send(encoding.toUint8Array(encoder));
  }

  /** Sends an awareness update announcing `state` for this client's id. */
  sendAwareness(state: Record<string, unknown>): void {
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, 1);
    encoding.writeVarUint(update, this.doc.clientID);
    encoding.writeVarUint(update, 1);
    encoding.writeVarString(update, JSON.stringify(state));
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
    this.ws.send(encoding.toUint8Array(encoder));
  }

  /** A Yjs update that appends a paragraph with `text` to this client's copy of the section. */
  paragraphUpdate(text: string): Uint8Array {
    const before = Y.encodeStateVector(this.doc);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.doc));
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(text)]);
    const fragment = copy.getXmlFragment("default");
    fragment.insert(fragment.length, [paragraph]);
    const update = Y.encodeStateAsUpdate(copy, before);
    copy.destroy();
    return update;
  }

  /** The section's text as this client has received it. */
  text(): string {
    return this.doc.getXmlFragment("default").toString();
  }

  close(): void {
    this.ws.close();
  }

  #syncEncoder(): encoding.Encoder {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    return encoder;
  }

  #receive(bytes: Uint8Array): void {
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_AWARENESS) {
      this.awareness.push(decoding.readVarUint8Array(decoder));
      return;
    }
    if (type !== MESSAGE_SYNC) return;
    const syncType = decoding.readVarUint(decoder);
    this.syncTypes.push(syncType);
    const payload = decoding.readVarUint8Array(decoder);
    if (syncType === syncProtocol.messageYjsSyncStep1) this.#serverStep1 = true;
    else Y.applyUpdate(this.doc, payload, this);
  }
}
