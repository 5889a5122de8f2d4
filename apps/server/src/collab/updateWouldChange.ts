import * as Y from "yjs";
import { CollabRefusal } from "./CollabRefusal";
import { CloseCode } from "./closeCodes";

/** One range of deleted clocks of a client, as Yjs delete sets hold them. */
interface DeleteRange {
  clock: number;
  len: number;
}

/** Whether `ranges` (sorted by clock) together cover the clocks [clock, clock + len). */
function covered(ranges: readonly DeleteRange[], clock: number, len: number): boolean {
  let next = clock;
  const end = clock + len;
  for (const range of ranges) {
    if (range.clock > next) break;
    next = Math.max(next, range.clock + range.len);
    if (next >= end) return true;
  }
  return next >= end;
}

/**
 * Whether applying `update` would change `ydoc`: it carries an item (or a garbage-collected
 * range) beyond what the document has, or deletes something the document has not deleted.
 * Read without applying anything, so that a read-only client's sync step 2, which repeats what
 * the server already has (Yjs always sends the whole delete set), is told apart from an edit.
 * Throws {@link CollabRefusal} 4400 when the update does not decode.
 */
export function updateWouldChange(ydoc: Y.Doc, update: Uint8Array): boolean {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    throw new CollabRefusal(CloseCode.badRequest, "Malformed update: it does not decode");
  }
  const { structs, ds } = decoded;
  if (structs.length === 0 && ds.clients.size === 0) return false;
  const stateVector = Y.decodeStateVector(Y.encodeStateVector(ydoc));
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    if (struct.id.clock + struct.length > (stateVector.get(struct.id.client) ?? 0)) return true;
  }
  if (ds.clients.size === 0) return false;
  const deleted = Y.createDeleteSetFromStructStore(ydoc.store);
  for (const [client, items] of ds.clients) {
    const have = deleted.clients.get(client) ?? [];
    for (const item of items) {
      if (item.len > 0 && !covered(have, item.clock, item.len)) return true;
    }
  }
  return false;
}
