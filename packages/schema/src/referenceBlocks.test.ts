import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { DocJSON } from "./docJson";
import { anchorBlock, referenceBlocks } from "./referenceBlocks";
import { replaceYDocContent, yDocToJSON } from "./ydoc";

const p = (text: string, anchor?: string): DocJSON => ({
  type: "paragraph",
  ...(anchor ? { attrs: { anchor } } : {}),
  content: text ? [{ type: "text", text }] : [],
});
const table = (title: string): DocJSON => ({
  type: "table",
  attrs: { title },
  content: [{ type: "tableRow", content: [{ type: "tableCell", content: [p("cell")] }] }],
});
const doc: DocJSON = {
  type: "doc",
  content: [
    p("First"),
    p(""),
    p("A long paragraph ".repeat(6).trim(), "p-long"),
    { type: "box", attrs: { title: "" }, content: [p("Inside the box")] },
    table("Rates"),
  ],
};

describe("referenceBlocks", () => {
  it("lists the numbered paragraphs, tables and boxes with report-wide numbers, excerpts and anchors", () => {
    expect(referenceBlocks(doc, false, { paragraph: 10, table: 2, box: 0 })).toEqual([
      { kind: "paragraph", index: 0, number: "11", excerpt: "First", anchor: null },
      {
        kind: "paragraph",
        index: 1,
        number: "12",
        excerpt: `${"A long paragraph ".repeat(6).slice(0, 59)}…`,
        anchor: "p-long",
      },
      { kind: "box", index: 0, number: "1", excerpt: "Inside the box", anchor: null },
      { kind: "table", index: 0, number: "3", excerpt: "Rates", anchor: null },
    ]);
  });

  it("numbers no paragraph of front matter", () => {
    expect(
      referenceBlocks(doc, true, { paragraph: 0, table: 0, box: 0 }).map((b) => b.kind),
    ).toEqual(["box", "table"]);
  });
});

describe("anchorBlock", () => {
  it("gives the chosen block an anchor once, and finds tables after paragraphs", () => {
    const ydoc = new Y.Doc();
    replaceYDocContent(ydoc, doc);
    let n = 0;
    const next = () => `a-${++n}`;
    expect(anchorBlock(ydoc, { kind: "paragraph", index: 0 }, false, next)).toEqual({
      anchor: "a-1",
      created: true,
    });
    expect(anchorBlock(ydoc, { kind: "paragraph", index: 0 }, false, next)).toEqual({
      anchor: "a-1",
      created: false,
    });
    expect(anchorBlock(ydoc, { kind: "paragraph", index: 1 }, false, next)?.anchor).toBe("p-long");
    expect(anchorBlock(ydoc, { kind: "table", index: 0 }, false, next)?.anchor).toBe("a-2");
    expect(anchorBlock(ydoc, { kind: "table", index: 1 }, false, next)).toBeNull();
    const json = yDocToJSON(ydoc);
    expect(json.content?.[0]?.attrs?.anchor).toBe("a-1");
    expect(json.content?.[4]?.attrs?.anchor).toBe("a-2");
    expect(referenceBlocks(json, false, { paragraph: 0, table: 0, box: 0 })[0]?.anchor).toBe("a-1");
  });
});
