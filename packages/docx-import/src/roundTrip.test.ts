import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ExportReport, loadDocxTemplate, toDocx } from "@rapporteur/docx";
import { type DocJSON, schema } from "@rapporteur/schema";
import { describe, expect, it } from "vitest";
import { fromDocx } from "./index";

const template = loadDocxTemplate();

const text = (value: string, marks?: DocJSON["marks"]): DocJSON =>
  marks ? { type: "text", text: value, marks } : { type: "text", text: value };
const para = (...content: DocJSON[]): DocJSON => ({ type: "paragraph", content });
const heading = (level: 3 | 4, ...content: DocJSON[]): DocJSON => ({
  type: "heading",
  attrs: { level },
  content,
});
const item = (...content: DocJSON[]): DocJSON => ({ type: "listItem", content });
const bullets = (...items: DocJSON[]): DocJSON => ({ type: "bulletList", content: items });
const ordered = (...items: DocJSON[]): DocJSON => ({ type: "orderedList", content: items });
const note = (...content: DocJSON[]): DocJSON => ({ type: "footnote", content });
const quote = (...content: DocJSON[]): DocJSON => ({ type: "blockquote", content });
const cell = (type: string, ...content: DocJSON[]): DocJSON => ({ type, content });
const row = (...cells: DocJSON[]): DocJSON => ({ type: "tableRow", content: cells });
const bold = [{ type: "bold" }];
const italic = [{ type: "italic" }];
const link = (href: string) => [{ type: "link", attrs: { href } }];
const hardBreak: DocJSON = { type: "hardBreak" };

const normalised = (content: DocJSON[]) =>
  schema.nodeFromJSON({ type: "doc", content }).toJSON() as DocJSON;

function report(...sections: { title: string; content: DocJSON[] }[]): ExportReport {
  return {
    title: "Twenty years of WSIS",
    symbol: "E/CN.16/2025/CRP.1",
    date: "2025-03-12",
    parts: [{ id: "part-1", title: "The record since WSIS" }],
    sections: sections.map((section, i) => ({
      id: `s${i + 1}`,
      title: section.title,
      part: "part-1",
      doc: { type: "doc", content: section.content },
    })),
  };
}

/** A section using every node type and mark of the schema, in the places the editor allows. */
const everything: DocJSON[] = [
  heading(3, text("Access and "), text("connectivity", italic)),
  para(
    text("Broadband "),
    text("grew", bold),
    text(" and "),
    text("mobile", [...bold, ...italic]),
    text(" use "),
    text("doubled", italic),
    text(", says the "),
    text("ITU", link("https://www.itu.int")),
    text(" ("),
    text("write to us", [...bold, ...link("mailto:cstd@unctad.org")]),
    text(")."),
    note(
      text("ITU, "),
      text("Facts and Figures 2024", italic),
      text(", "),
      text("table 3", bold),
      text(", at "),
      text("itu.int", link("https://www.itu.int/itu-d/reports/statistics/")),
      text("."),
    ),
  ),
  para(text("A first line"), hardBreak, text("and a second line.")),
  heading(4, text("Rural areas"), note(text("Defined as in the census."))),
  bullets(
    item(
      para(text("Access")),
      bullets(
        item(para(text("rural")), bullets(item(para(text("remote islands"))))),
        item(para(text("urban"), note(text("Cities over "), text("50,000", bold), text(".")))),
      ),
    ),
    item(para(text("Skills")), para(text("A second paragraph of the same item."))),
  ),
  para(text("Between the lists.")),
  ordered(
    item(para(text("Infrastructure"))),
    item(para(text("Finance")), ordered(item(para(text("public"))), item(para(text("private"))))),
    item(para(text("Governance"))),
  ),
  quote(
    para(text("We, the representatives of the peoples of the world,"), hardBreak, text("declare")),
    para(text("our common desire and commitment.", bold)),
  ),
  {
    type: "table",
    attrs: { title: "Internet users per 100", source: "ITU, 2024.", note: "Estimates." },
    content: [
      row(
        cell("tableHeader", para(text("Region"))),
        cell("tableHeader", para(text("2015"))),
        cell("tableHeader", para(text("2024"))),
      ),
      row(
        cell("tableCell", para(text("Africa", bold))),
        cell("tableCell", para(text("18"), note(text("Estimate.")))),
        cell("tableCell", para(text("38")), bullets(item(para(text("of which mobile: 30"))))),
      ),
      row(
        cell("tableCell", para(text("Europe", link("https://www.itu.int/europe")))),
        cell("tableCell", para(text("77"))),
        cell("tableCell", para(text("91"))),
      ),
    ],
  },
  {
    type: "box",
    attrs: { title: "Digital public goods" },
    content: [para(text("Open tools.")), bullets(item(para(text("DHIS2"))))],
  },
  para(text("Last paragraph"), note(text("See "), text("annex", italic), text("."))),
];

describe("round trip: a section exported by toDocx and imported by fromDocx", () => {
  it("brings cross-references back, pointing at the paragraph, table and box they named", async () => {
    const ref = (kind: string, target: string): DocJSON => ({
      type: "crossRef",
      attrs: { kind, target },
    });
    const content: DocJSON[] = [
      { type: "paragraph", attrs: { anchor: "p-growth" }, content: [text("Broadband grew.")] },
      {
        type: "table",
        attrs: { anchor: "t-one", title: "Users" },
        content: [
          row(cell("tableHeader", para(text("Year")))),
          row(cell("tableCell", para(text("2024")))),
        ],
      },
      { type: "box", attrs: { anchor: "b-one", title: "Tools" }, content: [para(text("DHIS2."))] },
      para(
        text("See para. "),
        ref("paragraph", "p-growth"),
        text(", table "),
        ref("table", "t-one"),
        text(" and box "),
        ref("box", "b-one"),
        text("."),
      ),
    ];
    const { doc } = await fromDocx(await toDocx(report({ title: "Access", content }), template));
    const [paragraph, table, box, citing] = doc.content ?? [];
    const refs = (citing?.content ?? []).filter((n) => n.type === "crossRef");
    expect(refs.map((r) => r.attrs)).toEqual([
      { kind: "paragraph", target: paragraph?.attrs?.anchor },
      { kind: "table", target: table?.attrs?.anchor },
      { kind: "box", target: box?.attrs?.anchor },
    ]);
    expect(new Set(refs.map((r) => r.attrs?.target)).size).toBe(3);
    // The numbers they showed are not kept as text: they are computed again on export.
    expect(citing?.content?.map((n) => n.text ?? "#").join("")).toBe(
      "See para. #, table # and box #.",
    );
  });

  it("comes back with the same content", async () => {
    const file = await toDocx(report({ title: "Access", content: everything }), template);
    const { doc, warnings } = await fromDocx(file);
    expect(doc).toEqual(normalised(everything));
    // The generated parts (masthead, contents, chapter and section headings, running heads) are
    // named once, and nothing else is reported.
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/exported from Rapporteur/);
  });

  it("comes back the same from a review copy with comments", async () => {
    const file = await toDocx(report({ title: "Access", content: everything }), template, {
      variant: "review",
      comments: [
        {
          sectionId: "s1",
          quote: "Broadband",
          author: "Reviewer",
          date: "2025-03-01T10:00:00Z",
          text: "Source?",
        },
      ],
    });
    const { doc, warnings } = await fromDocx(file);
    expect(doc).toEqual(normalised(everything));
    expect(warnings).toEqual([
      expect.stringMatching(/exported from Rapporteur/),
      "1 comment left out: add them again as comments in Rapporteur.",
    ]);
  });

  /**
   * The differences a round trip allows, each because the Word file cannot tell them apart:
   * empty paragraphs (they take no paragraph number) and white space at the ends of a paragraph
   * are dropped; italics in the header row are dropped (the exporter sets header cells in
   * italics); a heading inside a list item, a quote or a table cell comes back as a bold paragraph
   * (the exporter keeps only outline headings as headings) after the list; a bulleted list in a
   * numbered item (or the reverse) comes back at the outer level, as Word shows it (the exporter
   * counts bullet and number depths apart); merged cells are split; two bulleted lists in a row
   * come back as one list; an ordered list restarts at 1 (the exporter restarts every list at
   * (a)); a paragraph after a nested list in the same item joins the nested list's last item; a
   * list inside a block quote comes out of the quote; a footnote in a header cell comes back in
   * italics (the exporter sets it so).
   */
  it.each([
    {
      name: "empty paragraphs and white space at the ends are dropped",
      content: [para(), para(text("  Text  ")), { type: "paragraph" }],
      back: [para(text("Text"))],
    },
    {
      name: "italics in the header row are dropped",
      content: [
        {
          type: "table",
          content: [
            row(cell("tableHeader", para(text("Year", italic)))),
            row(cell("tableCell", para(text("2024", italic)))),
          ],
        },
      ],
      back: [
        {
          type: "table",
          content: [
            row(cell("tableHeader", para(text("Year")))),
            row(cell("tableCell", para(text("2024", italic)))),
          ],
        },
      ],
    },
    {
      name: "a heading inside a list item becomes a bold paragraph after the list",
      content: [bullets(item(para(text("Item")), heading(3, text("Inner heading"))))],
      back: [bullets(item(para(text("Item")))), para(text("Inner heading", bold))],
    },
    {
      name: "a list of the other kind inside a list item comes back at the outer level",
      content: [
        ordered(
          item(para(text("Finance")), bullets(item(para(text("public"))))),
          item(para(text("Governance"))),
        ),
      ],
      back: [
        ordered(item(para(text("Finance")))),
        bullets(item(para(text("public")))),
        ordered(item(para(text("Governance")))),
      ],
    },
    {
      name: "a paragraph after a nested list joins the nested list's last item",
      content: [
        bullets(item(para(text("Outer")), bullets(item(para(text("inner")))), para(text("More")))),
      ],
      back: [
        bullets(item(para(text("Outer")), bullets(item(para(text("inner")), para(text("More")))))),
      ],
    },
    {
      name: "a list inside a block quote comes out of the quote",
      content: [quote(para(text("Quoted")), bullets(item(para(text("point")))))],
      back: [quote(para(text("Quoted"))), bullets(item(para(text("point"))))],
    },
    {
      name: "a footnote in a header cell comes back in italics",
      content: [
        {
          type: "table",
          content: [
            row(cell("tableHeader", para(text("Year"), note(text("Calendar year."))))),
            row(cell("tableCell", para(text("2024")))),
          ],
        },
      ],
      back: [
        {
          type: "table",
          content: [
            row(cell("tableHeader", para(text("Year"), note(text("Calendar year.", italic))))),
            row(cell("tableCell", para(text("2024")))),
          ],
        },
      ],
    },
    {
      name: "merged cells are split",
      content: [
        {
          type: "table",
          content: [
            row({ type: "tableHeader", attrs: { colspan: 2 }, content: [para(text("Both"))] }),
            row(cell("tableCell", para(text("a"))), cell("tableCell", para(text("b")))),
          ],
        },
      ],
      back: [
        {
          type: "table",
          content: [
            row(cell("tableHeader", para(text("Both"))), cell("tableHeader", para())),
            row(cell("tableCell", para(text("a"))), cell("tableCell", para(text("b")))),
          ],
        },
      ],
      warning: /Merged cells were split/,
    },
    {
      name: "two bulleted lists in a row become one",
      content: [bullets(item(para(text("a")))), bullets(item(para(text("b"))))],
      back: [bullets(item(para(text("a"))), item(para(text("b"))))],
    },
    {
      name: "an ordered list restarts at 1",
      content: [{ type: "orderedList", attrs: { start: 3 }, content: [item(para(text("c")))] }],
      back: [ordered(item(para(text("c"))))],
    },
  ])("allowed difference: $name", async ({ content, back, warning }) => {
    const file = await toDocx(report({ title: "S", content }), template);
    const { doc, warnings } = await fromDocx(file);
    expect(doc).toEqual(normalised(back));
    if (warning)
      expect(
        warnings.some((w) => warning.test(w)),
        JSON.stringify(warnings),
      ).toBe(true);
  });

  it("imports every section of a whole-report export into one section, and says so", async () => {
    const file = await toDocx(
      report(
        { title: "Access", content: [para(text("One."))] },
        { title: "Skills", content: [para(text("Two."))] },
      ),
      template,
    );
    const { doc, warnings } = await fromDocx(file);
    expect(doc).toEqual(normalised([para(text("One.")), para(text("Two."))]));
    expect(warnings).toContain(
      'The file holds 2 report sections ("Access", "Skills"); all their content was imported into this one section.',
    );
  });
});

describe("a Word file made by pandoc from Markdown", () => {
  it("keeps headings, emphasis, links, lists, quotes, tables and footnotes", async () => {
    const markdown = [
      "# Access",
      "",
      "Broadband **grew** and *mobile* use doubled, says the [ITU](https://www.itu.int).[^1]",
      "",
      "## Rural access",
      "",
      "### Remote islands",
      "",
      "- Access",
      "    - rural",
      "    - urban",
      "- Skills",
      "",
      "1. Infrastructure",
      "2. Finance",
      "",
      "> We, the representatives of the peoples of the world",
      "",
      "| Region | 2024 |",
      "|--------|------|",
      "| Africa | 38   |",
      "",
      "[^1]: ITU, *Facts and Figures*, at [itu.int](https://www.itu.int/stats).",
      "",
    ].join("\n");
    const dir = mkdtempSync(join(tmpdir(), "docx-import-"));
    let file: Uint8Array;
    try {
      writeFileSync(join(dir, "in.md"), markdown);
      execFileSync("pandoc", [
        "-f",
        "markdown",
        "-t",
        "docx",
        "-o",
        join(dir, "out.docx"),
        join(dir, "in.md"),
      ]);
      file = readFileSync(join(dir, "out.docx"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const { doc, warnings } = await fromDocx(file);
    expect(doc).toEqual(
      normalised([
        heading(3, text("Access")),
        para(
          text("Broadband "),
          text("grew", bold),
          text(" and "),
          text("mobile", italic),
          text(" use doubled, says the "),
          text("ITU", link("https://www.itu.int")),
          text("."),
          note(
            text("ITU, "),
            text("Facts and Figures", italic),
            text(", at "),
            text("itu.int", link("https://www.itu.int/stats")),
            text("."),
          ),
        ),
        heading(3, text("Rural access")),
        heading(4, text("Remote islands")),
        bullets(
          item(para(text("Access")), bullets(item(para(text("rural"))), item(para(text("urban"))))),
          item(para(text("Skills"))),
        ),
        ordered(item(para(text("Infrastructure"))), item(para(text("Finance")))),
        quote(para(text("We, the representatives of the peoples of the world"))),
        {
          type: "table",
          content: [
            row(cell("tableHeader", para(text("Region"))), cell("tableHeader", para(text("2024")))),
            row(cell("tableCell", para(text("Africa"))), cell("tableCell", para(text("38")))),
          ],
        },
      ]),
    );
    expect(warnings).toEqual([]);
  });
});
