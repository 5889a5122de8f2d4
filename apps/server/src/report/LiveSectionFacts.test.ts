import { type DocJSON, FRAGMENT_NAME, replaceYDocContent, yDocBlocks } from "@rapporteur/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { LiveSectionFacts } from "./LiveSectionFacts";
import { yDocFacts } from "./sectionFacts";

const text = (value: string): DocJSON => ({ type: "text", text: value });
const paragraph = (...content: DocJSON[]): DocJSON => ({ type: "paragraph", content });

const START: DocJSON = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [text("Access and inclusion")] },
    paragraph(text("Broadband grew"), {
      type: "citation",
      attrs: { sourceId: 7, excerpt: null, locator: null },
    }),
    paragraph(text("See para."), { type: "crossRef", attrs: { kind: "paragraph", target: "p" } }),
    paragraph(text("Second"), { type: "footnote", content: [text("a note here")] }),
    {
      type: "table",
      attrs: { title: "Broadband users", source: "ITU.", note: "Estimates." },
      content: [
        { type: "tableRow", content: [{ type: "tableCell", content: [paragraph(text("2024"))] }] },
      ],
    },
    { type: "box", attrs: { title: "Open tools" }, content: [paragraph(text("DHIS2 here."))] },
    paragraph(text("Same words")),
    paragraph(text("Same words")),
    { type: "paragraph" },
  ],
};

/** Every Y.XmlText of the document, in order (where a keystroke can land). */
function texts(ydoc: Y.Doc): Y.XmlText[] {
  const found: Y.XmlText[] = [];
  const walk = (node: Y.XmlFragment | Y.XmlElement) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) found.push(child);
      else if (child instanceof Y.XmlElement) walk(child);
    }
  };
  walk(ydoc.getXmlFragment(FRAGMENT_NAME));
  return found;
}

/** A small deterministic random sequence (the same run every time). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe("LiveSectionFacts", () => {
  it("gives the full reading's count, numbered blocks and citations through a run of edits", () => {
    const ydoc = new Y.Doc();
    replaceYDocContent(ydoc, START);
    const live = new LiveSectionFacts();
    // The block-by-block reading applies (the fallback is the full reading itself).
    expect(yDocBlocks(ydoc)).toHaveLength(9);
    expect(live.of(ydoc)).toEqual(yDocFacts(ydoc));
    const next = random(42);
    const words = ["word ", "e-mail ", " ", "30,000–40,000 ", "don't ", "—", "x"];
    const fragment = ydoc.getXmlFragment(FRAGMENT_NAME);
    for (let step = 0; step < 300; step++) {
      const choice = next();
      const all = texts(ydoc);
      const target = all[Math.floor(next() * all.length)];
      if (choice < 0.6 && target) {
        // Typing somewhere (a heading, a footnote, a table cell, a paragraph).
        const word = words[Math.floor(next() * words.length)] as string;
        target.insert(Math.floor(next() * (target.length + 1)), word);
      } else if (choice < 0.75 && target && target.length > 0) {
        const at = Math.floor(next() * target.length);
        target.delete(at, Math.min(target.length - at, 1 + Math.floor(next() * 6)));
      } else if (choice < 0.85) {
        // A new paragraph, sometimes a copy of another's text (two blocks with the same JSON).
        const block = new Y.XmlElement("paragraph");
        block.insert(0, [new Y.XmlText(next() < 0.5 ? "Same words" : "A new one")]);
        fragment.insert(Math.floor(next() * (fragment.length + 1)), [block]);
      } else if (choice < 0.95 && fragment.length > 1) {
        fragment.delete(Math.floor(next() * fragment.length), 1);
      } else {
        // A citation added to a new paragraph.
        const block = new Y.XmlElement("paragraph");
        const citation = new Y.XmlElement("citation");
        citation.setAttribute("sourceId", Math.floor(next() * 5) as unknown as string);
        block.insert(0, [new Y.XmlText("cited"), citation]);
        fragment.insert(fragment.length, [block]);
      }
      expect(live.of(ydoc)).toEqual(yDocFacts(ydoc));
    }
    expect(live.of(ydoc).count.words).toBeGreaterThan(0);
  });

  it("reads a document with content outside the schema as the full reading does", () => {
    const ydoc = new Y.Doc();
    replaceYDocContent(ydoc, START);
    const live = new LiveSectionFacts();
    live.of(ydoc);
    const strange = new Y.XmlElement("not-a-node");
    strange.insert(0, [new Y.XmlText("ignored words")]);
    ydoc.getXmlFragment(FRAGMENT_NAME).insert(1, [strange]);
    expect(live.of(ydoc)).toEqual(yDocFacts(ydoc));
    ydoc.getXmlFragment(FRAGMENT_NAME).delete(1, 1);
    expect(live.of(ydoc)).toEqual(yDocFacts(ydoc));
  });
});
