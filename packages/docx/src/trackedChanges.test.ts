import { compareDocuments } from "@rapporteur/compare";
import type { DocJSON } from "@rapporteur/schema";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { type ExportReport, loadDocxTemplate, toDocx } from "./index";

const template = loadDocxTemplate();
const by = { author: "Ana Lima", date: "2025-03-01T10:00:00.000Z" };
const who = 'w:id="\\d+" w:author="Ana Lima" w:date="2025-03-01T10:00:00Z"';

const t = (text: string): DocJSON => ({ type: "text", text });
const p = (...content: DocJSON[]): DocJSON => ({ type: "paragraph", content });
const note = (text: string): DocJSON => ({ type: "footnote", content: [t(text)] });
const item = (text: string): DocJSON => ({ type: "listItem", content: [p(t(text))] });
const cell = (text: string): DocJSON => ({ type: "tableCell", content: [p(t(text))] });
const row = (...cells: string[]): DocJSON => ({ type: "tableRow", content: cells.map(cell) });
const table = (...rows: DocJSON[]): DocJSON => ({ type: "table", content: rows });

function report(doc: DocJSON): ExportReport {
  return {
    title: "Twenty years of WSIS",
    symbol: "E/CN.16/2025/CRP.1",
    date: "2025-03-12",
    parts: [{ id: "part-1", title: "The record since WSIS" }],
    sections: [{ id: "s1", title: "Access", part: "part-1", doc }],
  };
}

async function compareXml(older: DocJSON[], newer: DocJSON[]) {
  const doc = compareDocuments(
    { type: "doc", content: older },
    { type: "doc", content: newer },
    { attribution: by },
  );
  const zip = await JSZip.loadAsync(await toDocx(report(doc), template));
  const read = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
  const document = await read("word/document.xml");
  // Only the report's body: after the section heading's bookmark.
  const body = document.slice(document.lastIndexOf("<w:bookmarkEnd"));
  return { body, footnotes: await read("word/footnotes.xml") };
}

const ins = (inner: string) => new RegExp(`<w:ins ${who}><w:r>${inner}</w:r></w:ins>`);
const del = (inner: string) => new RegExp(`<w:del ${who}><w:r>${inner}</w:r></w:del>`);
const text = (value: string) => `<w:t xml:space="preserve">${value}</w:t>`;
const delText = (value: string) => `<w:delText xml:space="preserve">${value}</w:delText>`;
const noteRef = (id: number) =>
  `<w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${id}"/>`;

/** [case, older blocks, newer blocks, where, patterns the XML must match] */
const cases: [string, DocJSON[], DocJSON[], "body" | "footnotes", RegExp[]][] = [
  [
    "inserted word in body text",
    [p(t("Broadband grew."))],
    [p(t("Broadband grew fast."))],
    "body",
    [ins(text(" fast"))],
  ],
  [
    "deleted word in body text, as w:delText",
    [p(t("Broadband grew fast."))],
    [p(t("Broadband grew."))],
    "body",
    [del(delText(" fast"))],
  ],
  [
    "deleted paragraph: its runs and its paragraph mark deleted, numbering kept",
    [p(t("Kept.")), p(t("Gone."))],
    [p(t("Kept."))],
    "body",
    [
      new RegExp(
        `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="\\d+"/></w:numPr><w:rPr><w:del ${who}/></w:rPr></w:pPr>${del(delText("Gone.")).source}`,
      ),
    ],
  ],
  [
    "inserted paragraph: its paragraph mark inserted",
    [p(t("Kept."))],
    [p(t("Kept.")), p(t("New."))],
    "body",
    [new RegExp(`<w:rPr><w:ins ${who}/></w:rPr></w:pPr>${ins(text("New.")).source}`)],
  ],
  [
    "footnote added: the reference run inside w:ins, its text inserted",
    [p(t("Growth."))],
    [p(t("Growth."), note("ITU, 2024."))],
    "body",
    [ins(noteRef(1))],
  ],
  [
    "footnote removed: the reference run inside w:del",
    [p(t("Growth."), note("ITU, 2024."))],
    [p(t("Growth."))],
    "body",
    [del(noteRef(1))],
  ],
  [
    "footnote text changed inside the note",
    [p(t("Growth."), note("ITU, 2023."))],
    [p(t("Growth."), note("ITU, 2024."))],
    "footnotes",
    [del(delText("2023")), ins(text("2024"))],
  ],
  [
    "list item added: numbered list paragraph with inserted mark",
    [{ type: "orderedList", content: [item("one"), item("two")] }],
    [{ type: "orderedList", content: [item("one"), item("two"), item("three")] }],
    "body",
    [
      new RegExp(
        `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="\\d+"/></w:numPr><w:rPr><w:ins ${who}/></w:rPr></w:pPr>${ins(text("three")).source}`,
      ),
    ],
  ],
  [
    "table row added: w:trPr/w:ins",
    [table(row("Region", "2024"), row("Africa", "37"))],
    [table(row("Region", "2024"), row("Africa", "37"), row("Asia", "66"))],
    "body",
    [
      new RegExp(`<w:trPr><w:cantSplit/><w:tblHeader w:val="false"/><w:ins ${who}/></w:trPr>`),
      ins(text("Asia")),
    ],
  ],
  [
    "table row deleted: w:trPr/w:del",
    [table(row("Region", "2024"), row("Africa", "37"))],
    [table(row("Region", "2024"))],
    "body",
    [
      new RegExp(`<w:trPr><w:cantSplit/><w:tblHeader w:val="false"/><w:del ${who}/></w:trPr>`),
      del(delText("Africa")),
    ],
  ],
  [
    "table cell text changed",
    [table(row("Region", "2024"), row("Africa", "37"))],
    [table(row("Region", "2024"), row("Africa", "38"))],
    "body",
    [del(delText("37")), ins(text("38"))],
  ],
];

describe("tracked changes in the Word export of a compared report", () => {
  it.each(cases)("%s", async (_name, older, newer, where, patterns) => {
    const xml = await compareXml(older, newer);
    for (const pattern of patterns) expect(xml[where]).toMatch(pattern);
  });

  it("gives every tracked change its own id", async () => {
    const { body, footnotes } = await compareXml(
      [p(t("One two three."), note("Old note.")), p(t("Gone."))],
      [p(t("One four three."), note("New note.")), p(t("Added."))],
    );
    const ids = [...`${body}${footnotes}`.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map(
      (m) => m[1],
    );
    expect(ids.length).toBeGreaterThan(5);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("writes an unchanged document without any tracked change", async () => {
    const same = [p(t("Broadband grew."), note("ITU.")), table(row("A", "1"))];
    const { body, footnotes } = await compareXml(same, same);
    expect(`${body}${footnotes}`).not.toMatch(/<w:(ins|del)\b/);
  });
});
