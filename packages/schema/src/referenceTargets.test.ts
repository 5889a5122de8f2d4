import { describe, expect, it } from "vitest";
import type { DocJSON } from "./docJson";
import { numberedOutline } from "./numberedOutline";
import { brokenCrossReferences, numberReport, referenceTargets } from "./referenceTargets";

const p = (text: string, anchor?: string): DocJSON => ({
  type: "paragraph",
  ...(anchor ? { attrs: { anchor } } : {}),
  content: [{ type: "text", text }],
});
const ref = (kind: string, target: string): DocJSON => ({
  type: "crossRef",
  attrs: { kind, target },
});
const table = (anchor: string): DocJSON => ({
  type: "table",
  attrs: { anchor },
  content: [{ type: "tableRow", content: [{ type: "tableCell", content: [p("cell")] }] }],
});
const box = (anchor: string): DocJSON => ({
  type: "box",
  attrs: { anchor },
  content: [p("in box")],
});

const sections = (first: DocJSON[]) => [
  { id: "intro", label: "I.A", doc: { type: "doc", content: first } },
  {
    id: "access",
    label: "II.A",
    doc: {
      type: "doc",
      content: [
        p("Third", "p-third"),
        table("t-one"),
        box("b-one"),
        { type: "paragraph", content: [ref("paragraph", "p-third"), ref("table", "t-one")] },
        { type: "paragraph", content: [ref("section", "intro"), ref("box", "gone")] },
      ],
    },
  },
];

describe("referenceTargets", () => {
  it("numbers paragraphs, tables and boxes through the report; empty lines and box text take no number", () => {
    const targets = referenceTargets(sections([p("One"), { type: "paragraph" }, p("Two")]));
    expect(targets.get("p-third")).toEqual({ kind: "paragraph", number: "3", section: "access" });
    expect(targets.get("t-one")?.number).toBe("1");
    expect(targets.get("b-one")?.number).toBe("1");
    expect(targets.get("intro")).toEqual({ kind: "section", number: "I.A", section: "intro" });
  });

  it("follows a paragraph when paragraphs are inserted above it", () => {
    const more = referenceTargets(sections([p("New"), p("One"), p("New"), p("Two")]));
    expect(more.get("p-third")?.number).toBe("5");
  });

  it("finds references whose target is gone", () => {
    expect(brokenCrossReferences(sections([p("One")]))).toEqual([
      { section: "access", kind: "box", target: "gone" },
    ]);
  });
});

describe("numberReport and numberedOutline", () => {
  const outline = (summary: DocJSON[], first: DocJSON[], second: DocJSON[]) =>
    numberedOutline(
      [{ id: "front", frontMatter: true }, { id: "one" }, { id: "two" }],
      [
        { id: "summary", part: "front", doc: { type: "doc", content: summary } },
        { id: "a", part: "one", doc: { type: "doc", content: first } },
        { id: "b", part: "one", doc: { type: "doc", content: [table("t-b")] } },
        { id: "c", part: "two", doc: { type: "doc", content: second } },
      ],
    );

  it("labels sections as the export's headings, front matter without a chapter", () => {
    const sections = outline([p("Summary")], [p("One")], [p("Two")]);
    expect(sections.map((s) => [s.id, s.label, s.chapter, s.index])).toEqual([
      ["summary", "", 0, 0],
      ["a", "I.A", 1, 1],
      ["b", "I.B", 1, 2],
      ["c", "II.A", 2, 1],
    ]);
  });

  it("numbers paragraphs through the report, not the Summary's, and gives each section's offsets", () => {
    const { targets, sections } = numberReport(
      outline([p("Summary", "p-sum"), box("b-sum")], [p("One"), p("Two")], [p("Three", "p-3")]),
    );
    expect(targets.get("p-3")).toEqual({ kind: "paragraph", number: "3", section: "c" });
    expect(targets.has("p-sum")).toBe(false);
    expect(targets.has("summary")).toBe(false);
    expect(targets.get("c")).toEqual({ kind: "section", number: "II.A", section: "c" });
    expect(targets.get("t-b")?.number).toBe("1");
    expect(sections.map((s) => [s.id, s.before, s.count])).toEqual([
      ["summary", { paragraph: 0, table: 0, box: 0 }, { paragraph: 0, table: 0, box: 1 }],
      ["a", { paragraph: 0, table: 0, box: 1 }, { paragraph: 2, table: 0, box: 0 }],
      ["b", { paragraph: 2, table: 0, box: 1 }, { paragraph: 0, table: 1, box: 0 }],
      ["c", { paragraph: 2, table: 1, box: 1 }, { paragraph: 1, table: 0, box: 0 }],
    ]);
  });

  it("numbers one section after the offsets the report gives it as the whole report does", () => {
    const report = outline(
      [],
      [p("One"), p("Two"), p("New")],
      [p("x"), table("t-c"), p("y", "p-y")],
    );
    const whole = numberReport(report);
    const c = whole.sections.find((s) => s.id === "c")!;
    const alone = referenceTargets([report[3]!], c.before);
    expect(alone.get("p-y")).toEqual(whole.targets.get("p-y"));
    expect(alone.get("t-c")).toEqual(whole.targets.get("t-c"));
    expect(alone.get("p-y")?.number).toBe("5");
  });
});
