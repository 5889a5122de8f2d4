import * as decoding from "lib0/decoding";
import { CollabRefusal } from "./CollabRefusal";
import { CloseCode } from "./closeCodes";

/**
 * Reads one binary WebSocket frame of the y-websocket protocol. Every read that runs past the end
 * or finds something else than expected throws {@link CollabRefusal} 4400 naming what was expected,
 * so that handlers decode a whole message before they act on any of it.
 */
export class FrameDecoder {
  readonly #decoder: decoding.Decoder;

  constructor(frame: Uint8Array) {
    this.#decoder = decoding.createDecoder(frame);
  }

  /** Reads an unsigned integer (a message type, a count). */
  readVarUint(what: string): number {
    try {
      return decoding.readVarUint(this.#decoder);
    } catch {
      throw malformed(`missing or invalid ${what}`);
    }
  }

  /** Reads a length-prefixed byte array, copied so it may outlive the frame. */
  readVarUint8Array(what: string): Uint8Array {
    try {
      return new Uint8Array(decoding.readVarUint8Array(this.#decoder));
    } catch {
      throw malformed(`${what} is truncated`);
    }
  }

  /** Fails when bytes are left over: a well-formed message is consumed exactly. */
  end(what: string): void {
    if (decoding.hasContent(this.#decoder)) throw malformed(`unexpected bytes after the ${what}`);
  }
}

function malformed(detail: string): CollabRefusal {
  return new CollabRefusal(CloseCode.badRequest, `Malformed message: ${detail}`);
}
