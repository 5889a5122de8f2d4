import type { DocJSON } from "@rapporteur/schema";
import { describe, expect, it } from "vitest";
import {
  acceptChanges,
  compareDocuments,
  compareReports,
  compareSchema,
  listChanges,
  rejectChanges,
} from "./index";

const by = { author: "Ana", date: "2025-03-01T10:00:00Z" };
const t = (text: string, ...marks: string[]): DocJSON =>
  marks.length > 0
    ? { type: "text", text, marks: marks.map((type) => ({ type })) }
    : { type: "text", text };
const p = (...content: (string | DocJSON)[]): DocJSON => ({
  type: "paragraph",
  content: content.map((c) => (typeof c === "string" ? t(c) : c)),
});
const h = (text: string): DocJSON => ({ type: "heading", attrs: { level: 3 }, content: [t(text)] });
const note = (text: string): DocJSON => ({ type: "footnote", content: [t(text)] });
const doc = (...content: DocJSON[]): DocJSON => ({ type: "doc", content });
const list = (...items: string[]): DocJSON => ({
  type: "bulletList",
  content: items.map((item) => ({ type: "listItem", content: [p(item)] })),
});
const cell = (text: string): DocJSON => ({ type: "tableCell", content: [p(text)] });
const row = (...cells: string[]): DocJSON => ({ type: "tableRow", content: cells.map(cell) });
const table = (...rows: DocJSON[]): DocJSON => ({ type: "table", content: rows });

const para = "Broadband access grew in rural areas";

/** [case, older, newer, expected changes as "+text", "-text", "+block: text", "-block: text"] */
const cases: [string, DocJSON, DocJSON, string[]][] = [
  ["unchanged document", doc(p(para), list("a", "b")), doc(p(para), list("a", "b")), []],
  [
    "word inserted",
    doc(p(para)),
    doc(p("Broadband access grew quickly in rural areas")),
    ["+quickly "],
  ],
  ["word deleted", doc(p(para)), doc(p("Broadband grew in rural areas")), ["-access "]],
  [
    "word replaced",
    doc(p(para)),
    doc(p("Broadband access fell in rural areas")),
    ["-grew", "+fell"],
  ],
  [
    "words replaced, spaces between kept inside the change",
    doc(p("One two three four five six")),
    doc(p("One seven eight four five six")),
    ["-two three", "+seven eight"],
  ],
  [
    "paragraph inserted",
    doc(p(para)),
    doc(p(para), p("Mobile data got cheaper.")),
    ["+paragraph: Mobile data got cheaper."],
  ],
  [
    "paragraph deleted",
    doc(p("First point."), p(para)),
    doc(p(para)),
    ["-paragraph: First point."],
  ],
  [
    "paragraph moved: removed at its old place, added at its new one",
    doc(p("Alpha beta gamma."), p("Delta epsilon zeta."), p("Eta theta iota.")),
    doc(p("Delta epsilon zeta."), p("Eta theta iota."), p("Alpha beta gamma.")),
    ["-paragraph: Alpha beta gamma.", "+paragraph: Alpha beta gamma."],
  ],
  [
    "list item added",
    doc(list("one", "two")),
    doc(list("one", "two", "three")),
    ["+listItem: three"],
  ],
  [
    "list item removed",
    doc(list("one", "two", "three")),
    doc(list("one", "three")),
    ["-listItem: two"],
  ],
  [
    "table row added",
    doc(table(row("Region", "2024"), row("Africa", "37"))),
    doc(table(row("Region", "2024"), row("Africa", "37"), row("Asia", "66"))),
    ["+tableRow: Asia 66"],
  ],
  [
    "table row deleted",
    doc(table(row("Region", "2024"), row("Africa", "37"), row("Asia", "66"))),
    doc(table(row("Region", "2024"), row("Asia", "66"))),
    ["-tableRow: Africa 37"],
  ],
  [
    "table cell text changed",
    doc(table(row("Region", "2024"), row("Africa", "37"))),
    doc(table(row("Region", "2024"), row("Africa", "38"))),
    ["-37", "+38"],
  ],
  [
    "footnote added",
    doc(p("Growth.")),
    doc(p("Growth.", note("ITU, 2024."))),
    ["+footnote: ITU, 2024."],
  ],
  [
    "footnote removed",
    doc(p("Growth.", note("ITU, 2024."))),
    doc(p("Growth.")),
    ["-footnote: ITU, 2024."],
  ],
  [
    "footnote text changed",
    doc(p("Growth.", note("ITU, 2023."))),
    doc(p("Growth.", note("ITU, 2024."))),
    ["-2023", "+2024"],
  ],
  [
    "footnote changed and text beside it changed",
    doc(p("Growth was fast.", note("ITU, 2023."))),
    doc(p("Growth was slow.", note("ITU, 2024."))),
    ["-fast", "+slow", "-2023", "+2024"],
  ],
  [
    "heading changed",
    doc(h("Access and use"), p(para)),
    doc(h("Access and inclusion"), p(para)),
    ["-use", "+inclusion"],
  ],
  [
    "bold added: the text shown deleted plain and inserted bold",
    doc(p("Growth was fast.")),
    doc(p("Growth was ", t("fast", "bold"), ".")),
    ["-fast", "+fast"],
  ],
  [
    "paragraph rewritten: removed and added whole",
    doc(p("Alpha beta gamma delta.")),
    doc(p("Something else entirely here.")),
    ["-paragraph: Alpha beta gamma delta.", "+paragraph: Something else entirely here."],
  ],
];

function summary(compared: DocJSON): string[] {
  return listChanges(compared).map(
    (c) =>
      `${c.kind === "insertion" ? "+" : "-"}${c.target === "text" ? "" : `${c.target}: `}${c.text}`,
  );
}

describe("compareDocuments", () => {
  it.each(cases)("%s", (_name, older, newer, expected) => {
    const compared = compareDocuments(older, newer, { attribution: by });
    expect(summary(compared)).toEqual(expected);
    // The compared document fits the report schema extended by the change marks...
    expect(() => compareSchema.nodeFromJSON(compared).check()).not.toThrow();
    // ... and accepting every change gives the newer text, rejecting every change the older.
    expect(acceptChanges(compared)).toEqual(acceptChanges(newer));
    expect(rejectChanges(compared)).toEqual(acceptChanges(older));
  });

  it("credits each change to the author and date the attribution gives", () => {
    const seen: string[] = [];
    const compared = compareDocuments(
      doc(p(para)),
      doc(p("Broadband access fell in rural towns")),
      {
        sectionId: "p1-access",
        attribution: ({ kind, text, sectionId }) => {
          seen.push(`${sectionId} ${kind} ${text}`);
          return kind === "insertion"
            ? { author: "Ines", date: "2025-03-02" }
            : { author: "Dev", date: "2025-03-01" };
        },
      },
    );
    expect(seen).toEqual([
      "p1-access deletion grew",
      "p1-access insertion fell",
      "p1-access deletion areas",
      "p1-access insertion towns",
    ]);
    expect(listChanges(compared).map((c) => `${c.author}@${c.date}`)).toEqual([
      "Dev@2025-03-01",
      "Ines@2025-03-02",
      "Dev@2025-03-01",
      "Ines@2025-03-02",
    ]);
    const fell = compared.content?.[0]?.content?.find((n) => n.text === "fell");
    expect(fell?.marks).toEqual([
      { type: "insertion", attrs: { author: "Ines", date: "2025-03-02" } },
    ]);
  });

  it("marks a whole inserted paragraph's block and text, and keeps the editor's schema free of change marks", () => {
    const compared = compareDocuments(doc(p(para)), doc(p(para), p("New.")), { attribution: by });
    expect(compared.content?.[1]).toEqual({
      type: "paragraph",
      attrs: { change: { kind: "insertion", ...by } },
      content: [{ type: "text", text: "New.", marks: [{ type: "insertion", attrs: by }] }],
    });
    expect(compareSchema.marks.insertion).toBeDefined();
  });
});

describe("compareReports", () => {
  it("matches sections by id and shows added and removed sections whole", () => {
    const compared = compareReports(
      { a: doc(p("Same.")), b: doc(p("Gone section.")) },
      { a: doc(p("Same.")), c: doc(p("New section.")) },
      { attribution: by },
    );
    expect(Object.keys(compared)).toEqual(["a", "c", "b"]);
    expect(summary(compared.a!)).toEqual([]);
    expect(summary(compared.c!)).toEqual(["+paragraph: New section."]);
    expect(summary(compared.b!)).toEqual(["-paragraph: Gone section."]);
  });
});
