import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { RelayMessage } from "./DocumentRelay";

/** The version of the relay's wire format: the first number of every frame. */
export const RELAY_FRAME_VERSION = 1;

const KIND = { update: 0, awareness: 1, awarenessQuery: 2, event: 3 } as const;

/** An event name travels into the `event:` line of a stream: letters only. */
const EVENT_NAME = /^[a-z][A-Za-z]{0,63}$/;

/** One message on the relay, with the id of the instance that sent it. */
export interface RelayFrame {
  /** The sending instance (an instance drops its own frames). */
  instance: string;
  message: RelayMessage;
}

/**
 * Encodes a frame as bytes (lib0 varints and length-prefixed byte arrays: binary-safe, Yjs
 * updates travel as they are): version, instance id, kind, then the kind's fields.
 */
export function encodeRelayFrame({ instance, message }: RelayFrame): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, RELAY_FRAME_VERSION);
  encoding.writeVarString(encoder, instance);
  encoding.writeVarUint(encoder, KIND[message.kind]);
  switch (message.kind) {
    case "update":
      encoding.writeVarString(encoder, message.section);
      encoding.writeVarUint(encoder, message.seq);
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case "awareness":
      encoding.writeVarString(encoder, message.section);
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case "awarenessQuery":
      encoding.writeVarString(encoder, message.section);
      break;
    case "event":
      if (!EVENT_NAME.test(message.name)) throw new Error(`Invalid event name '${message.name}'`);
      encoding.writeVarString(encoder, message.name);
      encoding.writeVarString(encoder, JSON.stringify(message.data));
      break;
  }
  return encoding.toUint8Array(encoder);
}

/**
 * Decodes a frame read from the relay. Throws an Error saying what is wrong with a frame that is
 * not exactly one well-formed frame of this version (truncated, trailing bytes, unknown kind,
 * invalid JSON or event name).
 */
export function decodeRelayFrame(bytes: Uint8Array): RelayFrame {
  const decoder = decoding.createDecoder(bytes);
  let frame: RelayFrame;
  try {
    const version = decoding.readVarUint(decoder);
    if (version !== RELAY_FRAME_VERSION) throw new Error(`unknown version ${version}`);
    const instance = readString(decoder);
    const kind = decoding.readVarUint(decoder);
    frame = { instance, message: readMessage(decoder, kind) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Malformed relay frame (${bytes.byteLength} bytes): ${reason}`);
  }
  if (decoding.hasContent(decoder)) {
    throw new Error(`Malformed relay frame (${bytes.byteLength} bytes): trailing bytes`);
  }
  return frame;
}

function readMessage(decoder: decoding.Decoder, kind: number): RelayMessage {
  switch (kind) {
    case KIND.update: {
      const section = readString(decoder);
      const seq = decoding.readVarUint(decoder);
      const update = readBytes(decoder);
      return { kind: "update", section, seq, update };
    }
    case KIND.awareness: {
      const section = readString(decoder);
      return { kind: "awareness", section, update: readBytes(decoder) };
    }
    case KIND.awarenessQuery:
      return { kind: "awarenessQuery", section: readString(decoder) };
    case KIND.event: {
      const name = readString(decoder);
      if (!EVENT_NAME.test(name)) throw new Error("invalid event name");
      return { kind: "event", name, data: JSON.parse(readString(decoder)) };
    }
    default:
      throw new Error(`unknown kind ${kind}`);
  }
}

/**
 * A length-prefixed byte array, copied, its length checked against the bytes left first (a frame
 * may be a view into a larger buffer: a length running past it must never read its neighbours).
 */
function readBytes(decoder: decoding.Decoder): Uint8Array {
  const length = decoding.readVarUint(decoder);
  const left = decoder.arr.length - decoder.pos;
  if (length > left) throw new Error(`truncated (${length} bytes declared, ${left} left)`);
  return decoding.readUint8Array(decoder, length).slice();
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function readString(decoder: decoding.Decoder): string {
  return utf8.decode(readBytes(decoder));
}
