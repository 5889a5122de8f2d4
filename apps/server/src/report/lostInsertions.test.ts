import { FRAGMENT_NAME } from "@rapporteur/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { lostInsertions } from "./lostInsertions";
import { MovedBlocks } from "./MovedBlocks";

function element(name: string, children: (Y.XmlElement | Y.XmlText)[]): Y.XmlElement {
  const node = new Y.XmlElement(name);
  node.insert(0, children);
  return node;
}

const paragraph = (text: string) => element("paragraph", [new Y.XmlText(text)]);

/**
 * A section: "Kept" paragraph, then a sub-heading, a paragraph and a list that a split moves to
 * `sub`. Returns the server's doc and a client synced with it.
 */
function section(gc: boolean) {
  const server = new Y.Doc({ gc });
  server
    .getXmlFragment(FRAGMENT_NAME)
    .insert(0, [
      paragraph("Kept text"),
      element("heading", [new Y.XmlText("Sub")]),
      paragraph("Under sub"),
      element("bullet_list", [element("list_item", [paragraph("First point")])]),
    ]);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

/** The split on the server: blocks 1..3 recorded as moved to `sub`, then deleted. */
function split(server: Y.Doc, moved: MovedBlocks): void {
  const fragment = server.getXmlFragment(FRAGMENT_NAME);
  moved.record(
    "source",
    "sub",
    fragment.slice(1, 4).map((node) => (node as Y.XmlElement)._item!),
  );
  fragment.delete(1, 3);
}

/** Applies `update` to `doc` as the collaboration server does, and reads what it lost. */
function apply(doc: Y.Doc, update: Uint8Array, moved: MovedBlocks) {
  let transaction: Y.Transaction | undefined;
  doc.transact((t) => {
    transaction = t;
    Y.applyUpdate(doc, update);
  });
  return lostInsertions(doc, update, transaction!, (id, asParent) =>
    moved.placeOf("source", id, asParent),
  );
}

/** What `client` did in `edit`, as one update. */
function edits(client: Y.Doc, edit: (fragment: Y.XmlFragment) => void): Uint8Array {
  const before = Y.encodeStateVector(client);
  edit(client.getXmlFragment(FRAGMENT_NAME));
  return Y.encodeStateAsUpdate(client, before);
}

const textOf = (fragment: Y.XmlFragment, index: number) =>
  (fragment.get(index) as Y.XmlElement).get(0) as Y.XmlText;

describe("lostInsertions", () => {
  it.each([
    ["collected (GC structs)", true],
    ["kept (deleted items)", false],
  ])("finds text typed offline into moved blocks, the parents %s", (_name, gc) => {
    const { server, client } = section(gc);
    const moved = new MovedBlocks();
    split(server, moved);
    const update = edits(client, (fragment) => {
      textOf(fragment, 2).insert("Under sub".length, " late words");
      const item = (fragment.get(3) as Y.XmlElement).get(0) as Y.XmlElement;
      item.insert(1, [paragraph("New point")]);
      // Outside the moved blocks: not lost.
      textOf(fragment, 0).insert(0, "Still ");
    });
    const lost = apply(server, update, moved);
    expect(lost.texts.map((t) => [t.text, t.place.into])).toEqual([
      [" late words", "sub"],
      ["New point", "sub"],
    ]);
    expect(server.getXmlFragment(FRAGMENT_NAME).toString()).toContain("Still Kept text");
    expect(lost.ids.length).toBeGreaterThan(0);
  });

  it("finds keystrokes that arrive one update at a time, each after the last rescued one", () => {
    const { server, client } = section(true);
    const moved = new MovedBlocks();
    split(server, moved);
    const found: string[] = [];
    for (const key of ["a", "b", "c"]) {
      const update = edits(client, (fragment) => {
        const text = textOf(fragment, 2);
        text.insert(text.length, key);
      });
      const lost = apply(server, update, moved);
      for (const { block, range } of lost.ids) moved.extend("source", block, [range]);
      found.push(...lost.texts.map((t) => t.text));
    }
    expect(found).toEqual(["a", "b", "c"]);
  });

  it("does not take another user's ordinary deletion, nor text the update deletes itself", () => {
    const { server, client } = section(true);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
    const moved = new MovedBlocks();
    split(server, moved);
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
    // Another user deletes text (of the kept paragraph): the transaction deletes, nothing is lost.
    const deletion = edits(other, (fragment) => textOf(fragment, 0).delete(0, 5));
    const deleted = apply(server, deletion, moved);
    expect(deleted).toEqual({ texts: [], ids: [] });
    expect(server.getXmlFragment(FRAGMENT_NAME).toString()).not.toContain("Kept");
    // An offline client (keeping deleted text) types into a moved block and deletes it again.
    const keeping = new Y.Doc({ gc: false });
    Y.applyUpdate(keeping, Y.encodeStateAsUpdate(client));
    const typedAndDeleted = edits(keeping, (fragment) => {
      textOf(fragment, 2).insert(0, "gone ");
      textOf(fragment, 2).delete(0, 5);
    });
    expect(
      Y.decodeUpdate(typedAndDeleted).structs.some(
        (s) => s instanceof Y.Item && s.content instanceof Y.ContentString,
      ),
    ).toBe(true);
    expect(apply(server, typedAndDeleted, moved).texts).toEqual([]);
  });

  it("does not take text that was there before the update, sent again", () => {
    const { server, client } = section(false);
    const moved = new MovedBlocks();
    const typed = edits(client, (fragment) => textOf(fragment, 2).insert(0, "Before "));
    Y.applyUpdate(server, typed);
    split(server, moved);
    expect(apply(server, typed, moved).texts).toEqual([]);
  });
});
