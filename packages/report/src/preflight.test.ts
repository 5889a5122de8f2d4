import type { DocJSON } from "@rapporteur/schema";
import { describe, expect, it } from "vitest";
import { type PreflightSection, preflight } from "./preflight";

const text = (value: string): DocJSON => ({ type: "text", text: value });
const doc = (...content: DocJSON[]): DocJSON => ({ type: "doc", content });
const paragraph = (...content: DocJSON[]): DocJSON => ({ type: "paragraph", content });

const ready: PreflightSection = {
  id: "p1-access",
  title: "Access and inclusion",
  doc: doc(paragraph(text("Connectivity grew."))),
  status: "approved",
  counted: 2_000,
  budget: 2_000,
  state: "on_track",
  openThreads: 0,
  openSuggestions: 0,
};

describe("preflight of the final export", () => {
  it.each<[string, Partial<PreflightSection>, { kind: string; message: RegExp }[]]>([
    ["an approved section within its allocation", {}, []],
    [
      "a section in review",
      { status: "in_review" },
      [{ kind: "not_approved", message: /“Access and inclusion” is in review, not approved/ }],
    ],
    [
      "an empty section (an empty paragraph is still empty)",
      { doc: doc(paragraph(text("  "))), counted: 0, state: "short" },
      [{ kind: "empty", message: /is empty: it would print as a bare heading/ }],
    ],
    [
      "a section over its allocation",
      { counted: 2_500, state: "over" },
      [{ kind: "over_allocation", message: /2500 words against an allocation of 2000/ }],
    ],
    [
      "a section under its allocation",
      { counted: 100, state: "short" },
      [{ kind: "under_allocation", message: /100 words against an allocation of 2000/ }],
    ],
    [
      "open threads and a pending suggestion",
      { openThreads: 2, openSuggestions: 1 },
      [
        { kind: "open_threads", message: /2 open comment threads/ },
        { kind: "open_suggestions", message: /1 suggestion not accepted or rejected/ },
      ],
    ],
    [
      "an empty footnote",
      {
        doc: doc(
          paragraph(text("Cited."), { type: "footnote", content: [text("Source.")] }),
          paragraph(text("Again."), { type: "footnote", content: [] }),
        ),
      },
      [{ kind: "empty_footnote", message: /1 empty footnote$/ }],
    ],
    [
      "a cross-reference to a paragraph that is gone",
      {
        doc: doc(
          paragraph(text("See para. "), {
            type: "crossRef",
            attrs: { kind: "paragraph", target: "p-gone" },
          }),
        ),
      },
      [
        {
          kind: "broken_cross_reference",
          message: /1 cross-reference to a paragraph, table or box that is gone/,
        },
      ],
    ],
  ])("%s", (_name, change, expected) => {
    const items = preflight({ sections: [{ ...ready, ...change }] });
    expect(items.map((i) => i.kind)).toEqual(expected.map((e) => e.kind));
    items.forEach((item, i) => {
      expect(item.section).toBe("p1-access");
      expect(item.message).toMatch(expected[i]!.message);
    });
  });

  it("finds references to the Summary's paragraphs broken, as the Word export prints them", () => {
    const summary: PreflightSection = {
      ...ready,
      id: "summary",
      title: "Summary",
      frontMatter: true,
      doc: doc({ type: "paragraph", attrs: { anchor: "p-sum" }, content: [text("In short.")] }),
    };
    const citing: PreflightSection = {
      ...ready,
      doc: doc(
        paragraph(text("See "), {
          type: "crossRef",
          attrs: { kind: "paragraph", target: "p-sum" },
        }),
      ),
    };
    const items = preflight({ sections: [summary, citing] });
    expect(items.map((i) => [i.kind, i.section])).toEqual([
      ["broken_cross_reference", "p1-access"],
    ]);
  });

  it("takes further checks: one function more (broken cross-references, ...)", () => {
    const items = preflight({ sections: [ready] }, [
      ({ sections }) =>
        sections.map((s) => ({ kind: "broken_reference", section: s.id, message: "x" })),
    ]);
    expect(items).toEqual([{ kind: "broken_reference", section: "p1-access", message: "x" }]);
  });
});
