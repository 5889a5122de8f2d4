import * as Y from "yjs";

/** A run of Yjs ids `[clock, clock + length)` of one client. */
export interface IdRange {
  client: number;
  clock: number;
  length: number;
}

/** A top-level block a split took out of a section, and every id inside it. */
interface MovedBlock {
  /** The block's own item (`client:clock`). */
  key: string;
  /** The section it went to. */
  into: string;
  /** The ids of everything inside it (not the block's own item), by client. */
  inner: Map<number, { start: number; end: number }[]>;
}

/** Where an id that a client wrote into lies: the moved block and the section it went to. */
export interface MovedPlace {
  block: string;
  into: string;
}

/** `client:clock`, the key of an item. */
export function idKey(id: { client: number; clock: number }): string {
  return `${id.client}:${id.clock}`;
}

/** The ids of a type's content, deleted items included, its nested types' content too. */
function contentRanges(type: Y.AbstractType<unknown>, into: IdRange[]): void {
  const visit = (item: Y.Item) => {
    into.push({ client: item.id.client, clock: item.id.clock, length: item.length });
    if (item.content instanceof Y.ContentType) contentRanges(item.content.type, into);
  };
  for (let item = type._start; item !== null; item = item.right) visit(item);
  for (const last of type._map.values()) {
    for (let item: Y.Item | null = last; item !== null; item = item.left) visit(item);
  }
}

/**
 * The top-level blocks that splits moved out of sections, kept in memory: a client that had not
 * yet heard of a split (keystrokes in flight, or offline with queued edits) writes into blocks
 * that are gone from its section, and Yjs drops that text; with these ids the server can tell
 * where it belonged and take it to the section the block went to. Lost at a restart.
 */
export class MovedBlocks {
  readonly #sections = new Map<string, MovedBlock[]>();

  /** Records that the top-level `blocks` of `sectionId` (items of its live document) went to `into`. */
  record(sectionId: string, into: string, blocks: readonly Y.Item[]): void {
    const list = this.#sections.get(sectionId) ?? [];
    for (const item of blocks) {
      const ranges: IdRange[] = [];
      if (item.content instanceof Y.ContentType) contentRanges(item.content.type, ranges);
      const block: MovedBlock = { key: idKey(item.id), into, inner: new Map() };
      addRanges(block, ranges);
      list.push(block);
    }
    if (list.length > 0) this.#sections.set(sectionId, list);
  }

  /** Whether a split moved blocks out of `sectionId` (the one check ordinary typing pays). */
  has(sectionId: string): boolean {
    return this.#sections.has(sectionId);
  }

  /**
   * The moved block of `sectionId` that an item belongs in when it names `id` as its neighbour
   * (`asParent` false: inside only if `id` is inside the block) or as its parent (the block
   * itself counts too); null when `id` is not in a moved block.
   */
  placeOf(sectionId: string, id: Y.ID, asParent: boolean): MovedPlace | null {
    for (const block of this.#sections.get(sectionId) ?? []) {
      if (asParent && block.key === idKey(id)) return { block: block.key, into: block.into };
      const runs = block.inner.get(id.client);
      if (runs?.some((r) => id.clock >= r.start && id.clock < r.end)) {
        return { block: block.key, into: block.into };
      }
    }
    return null;
  }

  /** Adds ids to a moved block (text rescued from it: later keystrokes name it as neighbour). */
  extend(sectionId: string, blockKey: string, ranges: readonly IdRange[]): void {
    const block = this.#sections.get(sectionId)?.find((b) => b.key === blockKey);
    if (block) addRanges(block, ranges);
  }
}

function addRanges(block: MovedBlock, ranges: readonly IdRange[]): void {
  for (const { client, clock, length } of ranges) {
    const runs = block.inner.get(client) ?? [];
    const last = runs[runs.length - 1];
    if (last && last.end === clock) last.end = clock + length;
    else runs.push({ start: clock, end: clock + length });
    block.inner.set(client, runs);
  }
}
