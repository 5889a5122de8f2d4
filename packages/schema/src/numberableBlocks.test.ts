import { describe, expect, it } from "vitest";
import type { DocJSON } from "./docJson";
import { numberableBlocks } from "./numberableBlocks";
import { numberBlocks, referenceBlocks } from "./referenceBlocks";
import { numberReport, numberSections } from "./referenceTargets";

const p = (text: string, anchor?: string): DocJSON => ({
  type: "paragraph",
  ...(anchor ? { attrs: { anchor } } : {}),
  content: text ? [{ type: "text", text }] : [],
});
const table = (anchor: string, title = ""): DocJSON => ({
  type: "table",
  attrs: { anchor, title },
  content: [{ type: "tableRow", content: [{ type: "tableCell", content: [p("cell")] }] }],
});
const box = (anchor: string, inner: DocJSON[]): DocJSON => ({
  type: "box",
  attrs: { anchor },
  content: inner,
});
const doc = (...content: DocJSON[]): DocJSON => ({ type: "doc", content });

// A Summary (front matter) with a paragraph and a table, then two chapters' sections with
// nested tables, empty paragraphs and an anchor used twice (the first one wins).
const report = [
  { id: "summary", label: "", frontMatter: true, doc: doc(p("Summary", "p-sum"), table("t-sum")) },
  {
    id: "intro",
    label: "I.A",
    doc: doc(p("One", "p-one"), p(""), box("b-one", [p("In a box"), table("t-in-box")]), p("Two")),
  },
  {
    id: "access",
    label: "II.A",
    doc: doc(p("Three", "p-one"), table("t-two", "Rates"), p("Four", "p-four")),
  },
];

describe("numberableBlocks and numberSections", () => {
  it("number the report exactly as numberReport does, from per-section block lists", () => {
    const fromBlocks = numberSections(
      report.map(({ doc: d, ...s }) => ({ ...s, blocks: numberableBlocks(d) })),
      { paragraph: 2, table: 1, box: 0 },
    );
    const fromDocs = numberReport(report, { paragraph: 2, table: 1, box: 0 });
    expect(fromBlocks.sections).toEqual(fromDocs.sections);
    expect([...fromBlocks.targets]).toEqual([...fromDocs.targets]);
    // What a reader sees: the Summary numbers no paragraph, box text takes no number.
    expect(fromBlocks.targets.get("p-one")).toEqual({
      kind: "paragraph",
      number: "3",
      section: "intro",
    });
    expect(fromBlocks.targets.get("p-four")?.number).toBe("6");
    expect(fromBlocks.targets.get("t-in-box")?.number).toBe("3");
    expect(fromBlocks.targets.get("t-two")?.number).toBe("4");
    expect(fromBlocks.targets.has("p-sum")).toBe(false);
  });

  it("give each section's blocks their numbers after what comes before", () => {
    const blocks = numberableBlocks(report[2]!.doc);
    expect(numberBlocks(blocks, false, { paragraph: 4, table: 3, box: 1 })).toEqual(
      referenceBlocks(report[2]!.doc, false, { paragraph: 4, table: 3, box: 1 }),
    );
    expect(numberBlocks(blocks, false, { paragraph: 4, table: 3, box: 1 })).toEqual([
      { kind: "paragraph", index: 0, number: "5", excerpt: "Three", anchor: "p-one" },
      { kind: "table", index: 0, number: "4", excerpt: "Rates", anchor: "t-two" },
      { kind: "paragraph", index: 1, number: "6", excerpt: "Four", anchor: "p-four" },
    ]);
    expect(
      numberBlocks(numberableBlocks(report[0]!.doc), true, { paragraph: 0, table: 0, box: 0 }),
    ).toEqual([{ kind: "table", index: 0, number: "1", excerpt: "cell", anchor: "t-sum" }]);
  });
});
