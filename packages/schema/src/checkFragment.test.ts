import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { DocJSON } from "./docJson";
import {
  checkFragment,
  checkTransaction,
  FRAGMENT_NAME,
  MAX_NESTING_DEPTH,
  repairYDoc,
  replaceYDocContent,
  type SchemaCheck,
  yDocToJSON,
} from "./index";

const text = (value: string, marks?: DocJSON["marks"]): DocJSON => ({
  type: "text",
  text: value,
  ...(marks ? { marks } : {}),
});
const paragraph = (...content: DocJSON[]): DocJSON => ({ type: "paragraph", content });
const cell = (type: string, value: string, colwidth: number[] | null = null): DocJSON => ({
  type,
  attrs: { colspan: 1, rowspan: 1, colwidth, align: null },
  content: [value ? paragraph(text(value)) : paragraph()],
});

/** Everything the editor writes: every node, mark and attribute of the schema. */
const RICH: DocJSON = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 3 }, content: [text("Access")] },
    { type: "heading", attrs: { level: 4 }, content: [text("Rural")] },
    paragraph(
      text("Broadband "),
      text("grew", [{ type: "bold" }, { type: "italic" }]),
      text(" (see ", [{ type: "italic" }]),
      text("ITU", [
        {
          type: "link",
          attrs: { href: "https://itu.int", target: "_blank", rel: null, class: null, title: "x" },
        },
      ]),
      { type: "hardBreak" },
      {
        type: "footnote",
        content: [
          text("ITU, "),
          text("Facts", [{ type: "italic" }, { type: "bold" }]),
          text(" online", [{ type: "link", attrs: { href: "https://itu.int" } }]),
        ],
      },
    ),
    { type: "blockquote", content: [paragraph(text("Quoted"))] },
    {
      type: "bulletList",
      content: [
        {
          type: "listItem",
          content: [
            paragraph(text("one")),
            {
              type: "orderedList",
              attrs: { start: 3, type: null },
              content: [{ type: "listItem", content: [paragraph(text("nested"))] }],
            },
          ],
        },
      ],
    },
    {
      type: "table",
      attrs: { title: "Broadband", source: "ITU.", note: "Estimates.", anchor: "t-broadband" },
      content: [
        {
          type: "tableRow",
          content: [cell("tableHeader", "Year", [120]), cell("tableHeader", "")],
        },
        { type: "tableRow", content: [cell("tableCell", "2025"), cell("tableCell", "5.5bn")] },
      ],
    },
    {
      type: "box",
      attrs: { title: "Digital public goods", anchor: "b-goods" },
      content: [
        paragraph(text("Inside the box")),
        { type: "bulletList", content: [{ type: "listItem", content: [paragraph(text("a"))] }] },
      ],
    },
    {
      type: "paragraph",
      attrs: { lang: "ar", anchor: "p-arabic" },
      content: [
        text("انظر الفقرة "),
        { type: "crossRef", attrs: { kind: "paragraph", target: "p-arabic" } },
        text(" 中文", [{ type: "language", attrs: { lang: "zh" } }]),
        { type: "crossRef", attrs: { kind: "section", target: "introduction" } },
      ],
    },
    { type: "heading", attrs: { level: 3, lang: "ru" }, content: [text("Доступ")] },
  ],
};

/** Applies what `build` writes in a doc of its own (any shared types) to `target`, as a peer would. */
function applyForeign(target: Y.Doc, build: (doc: Y.Doc) => void): SchemaCheck[] {
  const source = new Y.Doc();
  Y.applyUpdate(source, Y.encodeStateAsUpdate(target));
  const before = Y.encodeStateVector(source);
  build(source);
  const checks: SchemaCheck[] = [];
  const listen = (transaction: Y.Transaction) => checks.push(checkTransaction(transaction));
  target.on("afterTransaction", listen);
  Y.applyUpdate(target, Y.encodeStateAsUpdate(source, before));
  target.off("afterTransaction", listen);
  return checks;
}

function richDoc(): Y.Doc {
  const doc = new Y.Doc();
  replaceYDocContent(doc, RICH);
  return doc;
}

/** Hostile edits, each with the rule that refuses it. */
const HOSTILE: {
  name: string;
  rule: string /** Repair keeps a changed document: a fitting part of the edit stays, or it overwrote something. */;
  changes?: boolean;
  build(doc: Y.Doc): void;
}[] = [
  {
    name: "a Y.Map inside the fragment",
    rule: "type",
    build: (doc) => doc.getXmlFragment(FRAGMENT_NAME).insert(0, [new Y.Map() as never]),
  },
  {
    name: "a plain string item in the fragment (ContentString)",
    rule: "type",
    build: (doc) => doc.getText(FRAGMENT_NAME).insert(0, "x"),
  },
  {
    name: "a plain value in the fragment (ContentAny)",
    rule: "type",
    build: (doc) => doc.getArray(FRAGMENT_NAME).insert(0, [42]),
  },
  {
    name: "a map entry on the fragment",
    rule: "attribute",
    build: (doc) => doc.getMap(FRAGMENT_NAME).set("x", "y"),
  },
  {
    name: "an element named script",
    rule: "node",
    build: (doc) => doc.getXmlFragment(FRAGMENT_NAME).insert(0, [new Y.XmlElement("script")]),
  },
  {
    name: "an element named text",
    rule: "node",
    build: (doc) => doc.getXmlFragment(FRAGMENT_NAME).insert(0, [new Y.XmlElement("text")]),
  },
  {
    name: "text directly in the document",
    rule: "placement",
    build: (doc) => doc.getXmlFragment(FRAGMENT_NAME).insert(0, [new Y.XmlText("loose")]),
  },
  {
    name: "a paragraph inside a paragraph",
    rule: "placement",
    build: (doc) => {
      const first = doc.getXmlFragment(FRAGMENT_NAME).get(2) as Y.XmlElement;
      first.insert(0, [new Y.XmlElement("paragraph")]);
    },
  },
  {
    name: "an unknown attribute",
    rule: "attribute",
    build: (doc) =>
      (doc.getXmlFragment(FRAGMENT_NAME).get(2) as Y.XmlElement).setAttribute("onclick", "x"),
  },
  {
    name: "an attribute holding a shared type",
    rule: "attribute",
    changes: true,
    build: (doc) =>
      (doc.getXmlFragment(FRAGMENT_NAME).get(0) as Y.XmlElement).setAttribute(
        "level",
        new Y.Map() as never,
      ),
  },
  {
    name: "an unknown mark",
    rule: "mark",
    build: (doc) => {
      const paragraphText = (doc.getXmlFragment(FRAGMENT_NAME).get(2) as Y.XmlElement).get(0);
      (paragraphText as Y.XmlText).format(0, 3, { strike: {} });
    },
  },
  {
    name: "a mark with an unknown attribute",
    rule: "mark",
    build: (doc) => {
      const paragraphText = (doc.getXmlFragment(FRAGMENT_NAME).get(2) as Y.XmlElement).get(0);
      (paragraphText as Y.XmlText).format(0, 3, { link: { href: "x", onclick: "y" } });
    },
  },
  {
    name: "an embed in text",
    rule: "type",
    build: (doc) => {
      const paragraphText = (doc.getXmlFragment(FRAGMENT_NAME).get(2) as Y.XmlElement).get(0);
      (paragraphText as Y.XmlText).insertEmbed(0, { image: "x" });
    },
  },
  {
    name: "2,000 nested block quotes",
    rule: "depth",
    changes: true,
    build: (doc) =>
      doc.transact(() => {
        // Built from the outside in: integrating 2,000 nested prelim types would overflow the stack.
        let parent: Y.XmlFragment = doc.getXmlFragment(FRAGMENT_NAME);
        for (let i = 0; i < 2000; i++) {
          const quote = new Y.XmlElement("blockquote");
          parent.insert(0, [quote]);
          parent = quote;
        }
      }),
  },
  {
    name: "a language that is not one of the six",
    rule: "attribute",
    build: (doc) =>
      (doc.getXmlFragment(FRAGMENT_NAME).get(2) as Y.XmlElement).setAttribute("lang", "de"),
  },
  {
    name: "an anchor that is not an id",
    rule: "attribute",
    build: (doc) =>
      (doc.getXmlFragment(FRAGMENT_NAME).get(2) as Y.XmlElement).setAttribute("anchor", "<b>"),
  },
  {
    name: "a table title that is not text",
    rule: "attribute",
    changes: true,
    build: (doc) =>
      (doc.getXmlFragment(FRAGMENT_NAME).get(5) as Y.XmlElement).setAttribute("title", 7 as never),
  },
  {
    name: "a box holding a heading",
    rule: "placement",
    build: (doc) =>
      (doc.getXmlFragment(FRAGMENT_NAME).get(6) as Y.XmlElement).insert(0, [
        new Y.XmlElement("heading"),
      ]),
  },
  {
    name: "a cross-reference of an unknown kind",
    rule: "attribute",
    changes: true,
    build: (doc) => {
      const ref = new Y.XmlElement("crossRef");
      ref.setAttribute("kind", "figure");
      ref.setAttribute("target", "p-arabic");
      (doc.getXmlFragment(FRAGMENT_NAME).get(2) as Y.XmlElement).insert(0, [ref]);
    },
  },
  {
    name: "a cross-reference with a target that is not an id",
    rule: "attribute",
    changes: true,
    build: (doc) => {
      const ref = new Y.XmlElement("crossRef");
      ref.setAttribute("target", "javascript:alert(1)");
      (doc.getXmlFragment(FRAGMENT_NAME).get(2) as Y.XmlElement).insert(0, [ref]);
    },
  },
  {
    name: "a language mark with a language that is not one of the six",
    rule: "mark",
    build: (doc) => {
      const paragraphText = (doc.getXmlFragment(FRAGMENT_NAME).get(2) as Y.XmlElement).get(0);
      (paragraphText as Y.XmlText).format(0, 3, { language: { lang: "xx" } });
    },
  },
  {
    name: "a shared type outside the fragment",
    rule: "root",
    build: (doc) => doc.getMap("comments").set("a", 1),
  },
];

describe("checkFragment", () => {
  it("accepts everything the editor writes, and an empty section", () => {
    expect(checkFragment(richDoc().getXmlFragment(FRAGMENT_NAME))).toEqual({ ok: true });
    expect(checkFragment(new Y.Doc().getXmlFragment(FRAGMENT_NAME))).toEqual({ ok: true });
  });

  it("accepts edits to a rich section, checked where they change it", () => {
    const doc = richDoc();
    const checks = applyForeign(doc, (peer) => {
      const fragment = peer.getXmlFragment(FRAGMENT_NAME);
      replaceYDocContent(peer, { ...RICH, content: [...(RICH.content ?? []), paragraph()] });
      (fragment.get(0) as Y.XmlElement).setAttribute("level", 4 as never);
      (fragment.get(2) as Y.XmlElement).get(0).delete(0, 3);
    });
    expect(checks.every((c) => c.ok)).toBe(true);
  });

  for (const hostile of HOSTILE) {
    it(`refuses ${hostile.name} (rule ${hostile.rule})`, () => {
      const doc = richDoc();
      const checks = applyForeign(doc, hostile.build);
      expect(checks.find((c) => !c.ok)).toMatchObject({ ok: false, rule: hostile.rule });
      const full = checkFragment(doc.getXmlFragment(FRAGMENT_NAME));
      if (hostile.rule !== "root") expect(full).toMatchObject({ ok: false, rule: hostile.rule });
    });
  }

  it("refuses nesting one level at a time beyond the limit", () => {
    const doc = new Y.Doc();
    let parent: Y.XmlFragment = doc.getXmlFragment(FRAGMENT_NAME);
    const results: SchemaCheck[] = [];
    doc.on("afterTransaction", (t: Y.Transaction) => results.push(checkTransaction(t)));
    for (let depth = 1; depth <= MAX_NESTING_DEPTH + 1; depth++) {
      const quote = new Y.XmlElement("blockquote");
      parent.insert(0, [quote]);
      parent = quote;
    }
    expect(results.slice(0, MAX_NESTING_DEPTH).every((r) => r.ok)).toBe(true);
    expect(results.at(-1)).toMatchObject({ ok: false, rule: "depth" });
  });
});

describe("repairYDoc", () => {
  it("drops what does not fit, keeps the rest, and returns the update that does it", () => {
    for (const hostile of HOSTILE) {
      const doc = richDoc();
      applyForeign(doc, hostile.build);
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
      const repair = repairYDoc(doc);
      expect(
        repair.dropped.map((d) => d.rule),
        hostile.name,
      ).toContain(hostile.rule);
      expect(checkFragment(doc.getXmlFragment(FRAGMENT_NAME)), hostile.name).toEqual({ ok: true });
      // What was there before stays (an attribute overwritten by a bad value is gone with it).
      expect(JSON.stringify(yDocToJSON(doc)), hostile.name).toContain("Facts");
      if (!hostile.changes) expect(yDocToJSON(doc), hostile.name).toEqual(yDocToJSON(richDoc()));
      // The update carries the repair to another copy of the section.
      Y.applyUpdate(copy, repair.update as Uint8Array);
      expect(repairYDoc(copy).dropped, hostile.name).toEqual([]);
    }
  });

  it("leaves a fitting document alone", () => {
    const doc = richDoc();
    expect(repairYDoc(doc)).toEqual({ dropped: [], update: null });
  });

  it("lets readers read a section holding a Y.Map in its fragment, without changing it", () => {
    const doc = richDoc();
    applyForeign(doc, (peer) =>
      peer.getXmlFragment(FRAGMENT_NAME).insert(1, [new Y.Map() as never]),
    );
    const before = Y.encodeStateAsUpdate(doc);
    expect(yDocToJSON(doc)).toEqual(yDocToJSON(richDoc()));
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});
