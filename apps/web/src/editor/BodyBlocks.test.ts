import type { ReportNumberingView } from "@rapporteur/api";
import { type DocJSON, numberedOutline, numberReport, schema } from "@rapporteur/schema";
import { describe, expect, it } from "vitest";
import { referenceCandidates, sectionBlocks } from "./BodyBlocks";
import { findReferenceTarget } from "./sectionTargets";

const p = (text: string, anchor?: string): DocJSON => ({
  type: "paragraph",
  ...(anchor ? { attrs: { anchor } } : {}),
  content: [{ type: "text", text }],
});
const table = (anchor: string): DocJSON => ({
  type: "table",
  attrs: { anchor },
  content: [{ type: "tableRow", content: [{ type: "tableCell", content: [p("cell")] }] }],
});
const box = (anchor: string): DocJSON => ({
  type: "box",
  attrs: { anchor },
  content: [p("boxed")],
});

const parts = [{ id: "front", frontMatter: true }, { id: "one" }, { id: "two" }];
const docs: Record<string, DocJSON[]> = {
  summary: [p("Summary"), box("b-sum")],
  a: [p("One"), { type: "paragraph" }, p("Two"), table("t-a")],
  b: [p("Three", "p-3"), box("b-b"), p("Four", "p-4"), table("t-b"), p("Five", "p-5")],
};
const sections = [
  { id: "summary", part: "front", title: "Summary" },
  { id: "a", part: "one", title: "Overview" },
  { id: "b", part: "two", title: "Access" },
].map((s) => ({ ...s, doc: { type: "doc", content: docs[s.id] } }));

/** What the server answers for this report (reportNumbering in @rapporteur/report). */
function serverNumbering(): ReportNumberingView {
  const { targets, sections: numbered } = numberReport(numberedOutline(parts, sections));
  return {
    sections: numbered.map((s) => ({ ...s, title: sections.find((x) => x.id === s.id)!.title })),
    targets: Object.fromEntries(targets),
  };
}

describe("the editor's cross-reference numbers", () => {
  const numbering = serverNumbering();
  const docB = schema.nodeFromJSON(sections[2]!.doc);

  it("labels the picker's blocks with the numbers the export prints, and lists the numbered sections", () => {
    const candidates = referenceCandidates(sectionBlocks(docB, false), numbering, "b");
    expect(candidates.map((c) => c.label)).toEqual([
      "¶ 3: Three",
      "¶ 4: Four",
      "¶ 5: Five",
      "Box 2: boxed",
      "Table 2: cell",
      "§ I.A Overview",
      "§ II.A Access",
    ]);
    // Each block's label carries the number the shared numbering gives its anchor.
    for (const candidate of candidates.filter((c) => c.kind !== "section")) {
      const anchor = docB.nodeAt(candidate.pos!)?.attrs.anchor as string;
      expect(candidate.label).toMatch(new RegExp(`^\\S+ ${numbering.targets[anchor]?.number}:`));
    }
  });

  it("shows targets of this section from its live text and others' from the server", () => {
    const edited = schema.nodeFromJSON({
      type: "doc",
      content: [p("Inserted"), ...(docs.b ?? [])],
    });
    expect(findReferenceTarget(edited, "b", numbering, "paragraph", "p-3")?.number).toBe("4");
    expect(findReferenceTarget(docB, "b", numbering, "paragraph", "p-3")?.number).toBe("3");
    expect(findReferenceTarget(docB, "b", numbering, "table", "t-a")?.number).toBe("1");
    expect(findReferenceTarget(docB, "b", numbering, "section", "a")?.number).toBe("I.A");
    expect(findReferenceTarget(docB, "b", numbering, "box", "b-sum")?.number).toBe("1");
    // Gone from this section's live text, or of another kind: broken.
    const without = schema.nodeFromJSON({ type: "doc", content: [p("Three")] });
    expect(findReferenceTarget(without, "b", numbering, "paragraph", "p-4")).toBeUndefined();
    expect(findReferenceTarget(docB, "b", numbering, "paragraph", "t-a")).toBeUndefined();
    expect(findReferenceTarget(docB, "b", numbering, "section", "summary")).toBeUndefined();
  });
});
