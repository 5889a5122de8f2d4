import * as Y from "yjs";
import type { IdRange, MovedPlace } from "./MovedBlocks";

/** Text an update wrote into a moved block and that Yjs dropped: one run of adjacent characters. */
export interface LostText {
  place: MovedPlace;
  text: string;
}

/** What {@link lostInsertions} found: the dropped text, and the ids of every dropped item. */
export interface LostInsertions {
  texts: LostText[];
  /** Every dropped item inside a moved block (text, new paragraphs), by block. */
  ids: { block: string; range: IdRange }[];
}

/** Whether the struct holding `id` in `ydoc` is deleted (a GC struct counts as deleted). */
function deletedIn(ydoc: Y.Doc, id: Y.ID): boolean {
  const structs = ydoc.store.clients.get(id.client);
  if (!structs || structs.length === 0) return false;
  const last = structs[structs.length - 1]!;
  if (id.clock >= last.id.clock + last.length) return false;
  return structs[Y.findIndexSS(structs, id.clock)]!.deleted;
}

/**
 * Whether anything `transaction` inserted is deleted now: the quick test before decoding the
 * update (ordinary typing inserts live items, a few structs to look at).
 */
function insertedDeleted(ydoc: Y.Doc, transaction: AppliedTransaction): boolean {
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0;
    if (after <= before) continue;
    const structs = ydoc.store.clients.get(client);
    if (!structs) continue;
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      if (structs[i]!.deleted) return true;
    }
  }
  return false;
}

/** What {@link lostInsertions} reads of the transaction that applied an update. */
export type AppliedTransaction = Pick<Y.Transaction, "beforeState" | "afterState">;

/**
 * The text that `update`, just applied to `ydoc` by `transaction`, inserted
 * into blocks that had been moved away, and that Yjs deleted as it integrated it (an item whose
 * parent is deleted is deleted at once, or kept as a GC struct when the parent was collected).
 * `placeOf` says whether an id is in a moved block (`asParent`: the item names it as parent).
 * Text the update deletes itself, text that was there before, and deletions of other text are
 * not lost. Only string content is text; a new paragraph gives the text typed into it.
 */
export function lostInsertions(
  ydoc: Y.Doc,
  update: Uint8Array,
  transaction: AppliedTransaction,
  placeOf: (id: Y.ID, asParent: boolean) => MovedPlace | null,
): LostInsertions {
  if (!insertedDeleted(ydoc, transaction)) return { texts: [], ids: [] };
  const { beforeState } = transaction;
  const decoded = Y.decodeUpdate(update);
  const items = decoded.structs.filter((s): s is Y.Item => s instanceof Y.Item);
  const own = (id: Y.ID) =>
    items.find(
      (i) =>
        i.id.client === id.client && id.clock >= i.id.clock && id.clock < i.id.clock + i.length,
    );
  const places = new Map<Y.Item, MovedPlace | null>();
  const placeOfItem = (item: Y.Item): MovedPlace | null => {
    if (places.has(item)) return places.get(item)!;
    // Set first: a cycle through the update's own items finds nothing.
    places.set(item, null);
    const parent = item.parent instanceof Y.ID ? item.parent : null;
    const anchors: [Y.ID | null, boolean][] = [
      [item.origin, false],
      [item.rightOrigin, false],
      [parent, true],
    ];
    let found: MovedPlace | null = null;
    for (const [id, asParent] of anchors) {
      if (!id) continue;
      found = placeOf(id, asParent);
      const neighbour = found ? undefined : own(id);
      if (neighbour) found = placeOfItem(neighbour);
      if (found) break;
    }
    places.set(item, found);
    return found;
  };

  const texts: LostText[] = [];
  const ids: LostInsertions["ids"] = [];
  let run: (LostText & { next: string }) | null = null;
  for (const item of items) {
    const { client, clock } = item.id;
    const start = Math.max(0, (beforeState.get(client) ?? 0) - clock);
    if (start >= item.length) continue;
    const place = placeOfItem(item);
    if (!place) continue;
    const isText = item.content instanceof Y.ContentString;
    const str = isText ? (item.content as Y.ContentString).str : "";
    for (let offset = start; offset < item.length; offset++) {
      const id = Y.createID(client, clock + offset);
      if (!deletedIn(ydoc, id) || Y.isDeleted(decoded.ds, id)) continue;
      const previous = ids[ids.length - 1];
      if (previous?.block === place.block && previous.range.client === client) {
        if (previous.range.clock + previous.range.length === id.clock) previous.range.length++;
        else ids.push({ block: place.block, range: { client, clock: id.clock, length: 1 } });
      } else ids.push({ block: place.block, range: { client, clock: id.clock, length: 1 } });
      if (!isText) continue;
      // Adjacent when it follows the run's last character (the next unit, or typed after it).
      const after =
        offset > 0
          ? `${client}:${clock + offset - 1}`
          : item.origin
            ? `${item.origin.client}:${item.origin.clock}`
            : "";
      if (run && run.place.block === place.block && run.next === after) {
        run.text += str[offset];
      } else {
        run = { place, text: str[offset] ?? "", next: "" };
        texts.push(run);
      }
      run.next = `${client}:${clock + offset}`;
    }
  }
  return { texts: texts.map(({ place, text }) => ({ place, text })), ids };
}
