import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { WebSocket } from "ws";

/** One message received by a {@link RawCollabSocket}: its type, sync sub-type and payload. */
export interface RawMessage {
  type: number;
  syncType?: number;
  payload?: Uint8Array;
}

/** How the server ended a connection. */
export interface CloseInfo {
  code: number;
  reason: string;
}

/** A sync step 1 with an empty state vector: the server answers with its whole document. */
export const FULL_STATE_PROBE = new Uint8Array([0, 0, 1, 0]);

/**
 * A WebSocket to `/collab/<section>` that sends exactly the bytes it is given (malformed ones
 * included) and records what the server answers, for adversarial tests. Ask for the server's
 * whole document with {@link RawCollabSocket.fullState}.
 */
export class RawCollabSocket {
  readonly ws: WebSocket;
  readonly messages: RawMessage[] = [];
  readonly opened: Promise<void>;
  readonly closed: Promise<CloseInfo>;
  /** Set once the socket has closed. */
  closeInfo: CloseInfo | null = null;
  #listeners = new Set<() => void>();

  constructor(url: string, cookie: string) {
    this.ws = new WebSocket(url, { headers: { cookie }, perMessageDeflate: false });
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
      this.messages.push(decodeMessage(new Uint8Array(data)));
      this.#notify();
    });
  }

  /** Opens a socket on `section` of the server at `url` (http://...) and waits until it is open. */
  static async open(url: string, section: string, cookie: string): Promise<RawCollabSocket> {
    const socket = new RawCollabSocket(`${url.replace(/^http/, "ws")}/collab/${section}`, cookie);
    await socket.opened;
    return socket;
  }

  send(bytes: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(bytes);
  }

  /**
   * Resolves with the first message from index `from` on that `match`es, or with the close if
   * the socket closes first. `timeoutMs` is an upper bound only.
   */
  next(
    match: (message: RawMessage) => boolean,
    from: number,
    timeoutMs = 15_000,
  ): Promise<RawMessage | CloseInfo> {
    return new Promise((resolve, reject) => {
      const check = () => {
        for (let i = from; i < this.messages.length; i++) {
          const message = this.messages[i]!;
          if (match(message)) return done(message);
        }
        if (this.closeInfo) return done(this.closeInfo);
      };
      const timer = setTimeout(() => {
        this.#listeners.delete(check);
        reject(new Error("Timed out waiting for the server"));
      }, timeoutMs);
      const done = (value: RawMessage | CloseInfo) => {
        clearTimeout(timer);
        this.#listeners.delete(check);
        resolve(value);
      };
      this.#listeners.add(check);
      check();
    });
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
    const step2s = () => this.messages.slice(from).filter((m) => m.type === 0 && m.syncType === 1);
    const answer = await this.next(() => step2s().length > answers, from);
    return "code" in answer ? answer : step2s()[answers]!.payload!;
  }

  close(): void {
    this.ws.close();
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}

function decodeMessage(bytes: Uint8Array): RawMessage {
  const decoder = decoding.createDecoder(bytes);
  const type = decoding.readVarUint(decoder);
  if (type === 0) {
    const syncType = decoding.readVarUint(decoder);
    return { type, syncType, payload: decoding.readVarUint8Array(decoder) };
  }
  if (type === 1) return { type, payload: decoding.readVarUint8Array(decoder) };
  return { type };
}

/** Encodes a y-websocket sync message of `syncType` (0 step 1, 1 step 2, 2 update). */
export function syncMessage(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** Encodes a y-websocket awareness message carrying `update`. */
export function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
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
