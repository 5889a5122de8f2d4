import * as Y from "yjs";

/**
 * The first item a document holds back as pending (waiting for items it refers to) although the
 * document already holds an item with the same id, or `null`. Yjs never drops such a stale
 * duplicate: on every later retry it stops at it and holds back the rest of its client's items,
 * while `Y.encodeStateAsUpdate` (what clients sync and compaction store) lets the held item win
 * and integrates them. The section would then show users content that its own document, and a
 * replay of its stored updates, do not have. Genuine updates never produce one: only an item
 * forged with an id that another item has (found by the protocol fuzzer).
 */
export function stalePendingItem(doc: Y.Doc): Y.ID | null {
  const pending = doc.store.pendingStructs;
  if (!pending) return null;
  for (const struct of Y.decodeUpdateV2(pending.update).structs) {
    if (struct instanceof Y.Skip) continue;
    if (struct.id.clock < Y.getState(doc.store, struct.id.client)) return struct.id;
  }
  return null;
}
