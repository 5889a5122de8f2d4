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

  /**
   * Reads a length-prefixed byte array, copied so it may outlive the frame. The declared length is
   * checked against the bytes left first: a frame may be a view into a larger socket buffer, and a
   * length that runs past the frame must never read its neighbours.
   */
  readVarUint8Array(what: string): Uint8Array {
    const length = this.readVarUint(`length of the ${what}`);
    const left = this.#decoder.arr.length - this.#decoder.pos;
    if (length > left) {
      throw malformed(`${what} is truncated (${length} bytes declared, ${left} sent)`);
    }
    return decoding.readUint8Array(this.#decoder, length).slice();
  }

  /** Fails when bytes are left over: a well-formed message is consumed exactly. */
  end(what: string): void {
    if (decoding.hasContent(this.#decoder)) throw malformed(`unexpected bytes after the ${what}`);
  }
}

function malformed(detail: string): CollabRefusal {
  return new CollabRefusal(CloseCode.badRequest, `Malformed message: ${detail}`);
}
