import * as Y from "yjs";
import { CollabRefusal } from "./CollabRefusal";
import { CloseCode } from "./closeCodes";

/**
 * Refuses (4400) an update whose items refer to the future of their own client: an item's left
 * and right origins and parent existed when it was created, so those of the same client have a
 * lower clock. Yjs assumes this without checking (it only waits for other clients' missing
 * items); a forged reference makes `applyUpdate` throw half-way, after part of the update was
 * integrated, and whether it throws depends on the document's internal layout, so a scratch copy
 * cannot always tell. Found by the protocol fuzzer.
 */
export function checkUpdateIds(structs: readonly (Y.Item | Y.GC | Y.Skip)[]): void {
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const { client, clock } = struct.id;
    const parent = struct.parent instanceof Y.ID ? struct.parent : null;
    for (const ref of [struct.origin, struct.rightOrigin, parent]) {
      if (ref && ref.client === client && ref.clock >= clock) {
        throw new CollabRefusal(
          CloseCode.badRequest,
          `Malformed update: item ${client}:${clock} refers to ${ref.client}:${ref.clock}, created after it`,
        );
      }
    }
  }
}
