import * as decoding from "lib0/decoding";
import { CollabRefusal } from "./CollabRefusal";
import { CloseCode } from "./closeCodes";

/** One client's presence in an awareness update: a JSON object, or null when it left. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | unknown[] | null;
}

/**
 * Decodes an awareness update completely (every client id, clock and JSON state), so that a
 * malformed one is refused whole (4400) before any of it is applied.
 */
export function validateAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const entries: AwarenessEntry[] = [];
  try {
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state: unknown = JSON.parse(decoding.readVarString(decoder));
      if (state !== null && typeof state !== "object") throw new Error("state is not an object");
      entries.push({ clientId, clock, state: state as AwarenessEntry["state"] });
    }
  } catch {
    throw new CollabRefusal(CloseCode.badRequest, "Malformed awareness update");
  }
  if (decoding.hasContent(decoder)) {
    throw new CollabRefusal(CloseCode.badRequest, "Malformed awareness update: trailing bytes");
  }
  return entries;
}
