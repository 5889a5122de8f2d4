import { describe, expect, it } from "vitest";
import type { DocJSON } from "./docJson";
import { brokenCrossReferences, referenceTargets } from "./referenceTargets";

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
