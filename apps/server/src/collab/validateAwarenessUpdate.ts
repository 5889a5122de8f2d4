import * as decoding from "lib0/decoding";
import { CollabRefusal } from "./CollabRefusal";
import { CloseCode } from "./closeCodes";

/**
 * Decodes an awareness update completely (every client id, clock and JSON state) without applying
 * it, so that a malformed one is refused whole instead of half-applied by `applyAwarenessUpdate`.
 */
export function validateAwarenessUpdate(update: Uint8Array): void {
  const decoder = decoding.createDecoder(update);
  try {
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      decoding.readVarUint(decoder);
      decoding.readVarUint(decoder);
      const state: unknown = JSON.parse(decoding.readVarString(decoder));
      if (state !== null && typeof state !== "object") throw new Error("state is not an object");
    }
  } catch {
    throw new CollabRefusal(CloseCode.badRequest, "Malformed awareness update");
  }
  if (decoding.hasContent(decoder)) {
    throw new CollabRefusal(CloseCode.badRequest, "Malformed awareness update: trailing bytes");
  }
}
