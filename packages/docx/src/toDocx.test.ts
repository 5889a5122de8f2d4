import { citationKey, type DocJSON } from "@rapporteur/schema";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import {
  DocxExportError,
  type DocxExportOptions,
  type ExportReport,
  loadDocxTemplate,
  toDocx,
} from "./index";

const template = loadDocxTemplate();

const text = (value: string, marks?: DocJSON["marks"]): DocJSON =>
  marks ? { type: "text", text: value, marks } : { type: "text", text: value };
const para = (...content: DocJSON[]): DocJSON => ({ type: "paragraph", content });
const item = (...content: DocJSON[]): DocJSON => ({ type: "listItem", content });
const cell = (type: string, value: string, attrs?: Record<string, unknown>): DocJSON => ({
  type,
  ...(attrs ? { attrs } : {}),
  content: [para(text(value))],
});
const link = (href: string) => [{ type: "link", attrs: { href } }];

function report(...sections: DocJSON[][]): ExportReport {
  return {
    title: "Twenty years of WSIS",
    symbol: "E/CN.16/2025/CRP.1",
    date: "2025-03-12",
    parts: [
      { id: "introduction", title: "Introduction" },
      { id: "part-1", title: "The record since WSIS" },
    ],
    sections: sections.map((content, i) => ({
      id: `s${i + 1}`,
      title: `Section ${i + 1}`,
      part: i === 0 ? "introduction" : "part-1",
      doc: { type: "doc", content },
    })),
  };
}

interface Parts {
  document: string;
  numbering: string;
  footnotes: string;
  styles: string;
  comments: string;
  headers: string;
  footers: string;
  rels: Record<string, string>;
}

async function exportParts(r: ExportReport, options?: DocxExportOptions): Promise<Parts> {
  const zip = await JSZip.loadAsync(await toDocx(r, template, options));
  const read = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
  const all = async (pattern: RegExp) =>
    (await Promise.all(zip.file(pattern).map((f) => f.async("string")))).join("\n");
  return {
    document: await read("word/document.xml"),
    numbering: await read("word/numbering.xml"),
    footnotes: await read("word/footnotes.xml"),
    styles: await read("word/styles.xml"),
    comments: await read("word/comments.xml"),
    headers: await all(/^word\/header\d*\.xml$/),
    footers: await all(/^word\/footer\d*\.xml$/),
    rels: {
      document: await read("word/_rels/document.xml.rels"),
      footnotes: await read("word/_rels/footnotes.xml.rels"),
    },
  };
}

/** The `w:p` elements of a part, as XML strings. */
const paragraphs = (xml: string) => xml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs) ?? [];
/** Text of an XML fragment: its `w:t` contents joined. */
const textOf = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
/** The numId a paragraph refers to, if numbered. */
const numIdOf = (p: string) => /<w:numId w:val="(\d+)"\/>/.exec(p)?.[1];
const ilvlOf = (p: string) => /<w:ilvl w:val="(\d+)"\/>/.exec(p)?.[1];
/** The level definition (numFmt and lvlText) that numId/ilvl resolves to in numbering.xml. */
function levelOf(numbering: string, numId: string, ilvl = "0") {
  const abstractId = new RegExp(`<w:num w:numId="${numId}"><w:abstractNumId w:val="(\\d+)"/>`).exec(
    numbering,
  )?.[1];
  const abstract = new RegExp(
    `<w:abstractNum [^>]*w:abstractNumId="${abstractId}"[^>]*>(.*?)</w:abstractNum>`,
    "s",
  ).exec(numbering)?.[1];
  const level = new RegExp(`<w:lvl w:ilvl="${ilvl}"[^>]*>(.*?)</w:lvl>`, "s").exec(
    abstract ?? "",
  )?.[1];
  return {
    format: /<w:numFmt w:val="([^"]+)"/.exec(level ?? "")?.[1],
    text: /<w:lvlText w:val="([^"]*)"/.exec(level ?? "")?.[1],
  };
}
const bodyParagraphs = (document: string) =>
  paragraphs(document).filter((p) => p.includes('<w:pStyle w:val="SingleTxt"/>'));

describe("toDocx: one fixture per node type", () => {
  const cases: {
    name: string;
    content: DocJSON[];
    check: (parts: Parts) => void;
  }[] = [
    {
      name: "paragraph: a body paragraph numbered 1. by Word numbering",
      content: [para(text("Broadband grew."))],
      check: ({ document, numbering }) => {
        const [p] = bodyParagraphs(document);
        expect(textOf(p!)).toBe("Broadband grew.");
        expect(p).toContain("<w:numPr>");
        expect(levelOf(numbering, numIdOf(p!)!)).toEqual({ format: "decimal", text: "%1." });
        // The number is Word's, not typed into the text.
        expect(textOf(p!)).not.toMatch(/^\d/);
      },
    },
    {
      name: "paragraph: empty lines take no paragraph number",
      content: [para(), para(text("Only one."))],
      check: ({ document }) => {
        expect(bodyParagraphs(document).map(textOf)).toEqual(["Only one."]);
      },
    },
    {
      name: "heading: sub-headings use Heading 3 and 4, numbered 1. and (a) by their styles",
      content: [
        { type: "heading", attrs: { level: 3 }, content: [text("Access")] },
        { type: "heading", attrs: { level: 4 }, content: [text("Rural access")] },
      ],
      check: ({ document, styles, numbering }) => {
        const h3 = paragraphs(document).find((p) => textOf(p) === "Access");
        const h4 = paragraphs(document).find((p) => textOf(p) === "Rural access");
        expect(h3).toContain('<w:pStyle w:val="Heading3"/>');
        expect(h4).toContain('<w:pStyle w:val="Heading4"/>');
        const style = (id: string) =>
          new RegExp(`<w:style [^>]*w:styleId="${id}">.*?</w:style>`, "s").exec(styles)?.[0] ?? "";
        expect(levelOf(numbering, numIdOf(style("Heading3"))!, ilvlOf(style("Heading3")))).toEqual({
          format: "decimal",
          text: "%3.",
        });
        expect(levelOf(numbering, numIdOf(style("Heading4"))!, ilvlOf(style("Heading4")))).toEqual({
          format: "lowerLetter",
          text: "(%4)",
        });
      },
    },
    {
      name: "text: bold and italic marks",
      content: [
        para(
          text("strong", [{ type: "bold" }]),
          text(" and "),
          text("slanted", [{ type: "italic" }]),
        ),
      ],
      check: ({ document }) => {
        expect(document).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t[^>]*>strong<\/w:t>/);
        expect(document).toMatch(/<w:r><w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t[^>]*>slanted<\/w:t>/);
      },
    },
    {
      name: "text: links become hyperlinks, consecutive pieces of one link stay one hyperlink",
      content: [
        para(
          text("See "),
          text("the ", link("https://unctad.org/cstd")),
          text("portal", [...link("https://unctad.org/cstd"), { type: "bold" }]),
          text(" and "),
          text("this", link("javascript:alert(1)")),
        ),
      ],
      check: ({ document, rels }) => {
        const hyperlinks =
          document.match(/<w:hyperlink [^>]*r:id="[^"]+"[^>]*>.*?<\/w:hyperlink>/gs) ?? [];
        expect(hyperlinks).toHaveLength(1);
        expect(textOf(hyperlinks[0]!)).toBe("the portal");
        const id = /r:id="([^"]+)"/.exec(hyperlinks[0]!)?.[1];
        expect(rels.document).toMatch(
          new RegExp(`Id="${id}"[^>]*Target="https://unctad.org/cstd"[^>]*TargetMode="External"`),
        );
        // Unsafe schemes are kept as plain text, never as a link.
        expect(rels.document).not.toContain("javascript:");
        expect(textOf(document)).toContain("See the portal and this");
      },
    },
    {
      name: "hardBreak: a line break inside the paragraph",
      content: [para(text("First line"), { type: "hardBreak" }, text("second line"))],
      check: ({ document }) => {
        const [p] = bodyParagraphs(document);
        expect(p).toMatch(/First line<\/w:t><\/w:r><w:r><w:br\/><\/w:r>.*second line/s);
      },
    },
    {
      name: "bulletList + listItem: bullets, continuation paragraphs unnumbered",
      content: [
        {
          type: "bulletList",
          content: [item(para(text("One")), para(text("More about one"))), item(para(text("Two")))],
        },
      ],
      check: ({ document, numbering }) => {
        const ps = paragraphs(document);
        const one = ps.find((p) => textOf(p) === "One")!;
        expect(levelOf(numbering, numIdOf(one)!).format).toBe("bullet");
        expect(numIdOf(ps.find((p) => textOf(p) === "More about one")!)).toBeUndefined();
        expect(numIdOf(ps.find((p) => textOf(p) === "Two")!)).toBe(numIdOf(one));
      },
    },
    {
      name: "orderedList: sub-paragraphs (a), nested (i); each list restarts",
      content: [
        para(text("Lead-in:")),
        {
          type: "orderedList",
          content: [
            item(para(text("first")), {
              type: "orderedList",
              content: [item(para(text("inner")))],
            }),
            item(para(text("second"))),
          ],
        },
        para(text("Next paragraph:")),
        { type: "orderedList", content: [item(para(text("again")))] },
      ],
      check: ({ document, numbering }) => {
        const ps = paragraphs(document);
        const find = (t: string) => ps.find((p) => textOf(p) === t)!;
        expect(levelOf(numbering, numIdOf(find("first"))!, "0")).toEqual({
          format: "lowerLetter",
          text: "(%1)",
        });
        expect(ilvlOf(find("inner"))).toBe("1");
        expect(levelOf(numbering, numIdOf(find("inner"))!, "1")).toEqual({
          format: "lowerRoman",
          text: "(%2)",
        });
        expect(numIdOf(find("second"))).toBe(numIdOf(find("first")));
        // A second list is a new instance, restarting at (a).
        const again = numIdOf(find("again"))!;
        expect(again).not.toBe(numIdOf(find("first")));
        expect(numbering).toMatch(
          new RegExp(`<w:num w:numId="${again}">.*?<w:startOverride w:val="1"/>`, "s"),
        );
        // Sub-paragraphs do not use up body paragraph numbers.
        const numbered = paragraphs(document).filter((p) => {
          const numId = numIdOf(p);
          return numId && ilvlOf(p) === "0" && levelOf(numbering, numId).format === "decimal";
        });
        expect(numbered.map(textOf)).toEqual(["Lead-in:", "Next paragraph:"]);
      },
    },
    {
      name: "blockquote: indented quote paragraphs, not numbered",
      content: [{ type: "blockquote", content: [para(text("We the peoples"))] }],
      check: ({ document }) => {
        const quote = paragraphs(document).find((p) => textOf(p) === "We the peoples")!;
        expect(quote).toContain('<w:pStyle w:val="Quote"/>');
        expect(quote).not.toContain("<w:numPr>");
      },
    },
    {
      name: "table + tableRow + tableHeader + tableCell: a repeating header row, spans kept",
      content: [
        {
          type: "table",
          content: [
            {
              type: "tableRow",
              content: [cell("tableHeader", "Region"), cell("tableHeader", "2024")],
            },
            { type: "tableRow", content: [cell("tableCell", "Africa"), cell("tableCell", "38")] },
            { type: "tableRow", content: [cell("tableCell", "World total", { colspan: 2 })] },
          ],
        },
      ],
      check: ({ document }) => {
        const table = /<w:tbl>.*?<\/w:tbl>/s.exec(
          document.slice(document.indexOf("Region") - 4000),
        )?.[0];
        expect(table).toBeDefined();
        const rows = table!.match(/<w:tr>.*?<\/w:tr>/gs) ?? [];
        expect(rows).toHaveLength(3);
        expect(rows[0]).toContain("<w:tblHeader/>");
        expect(rows[1]).not.toContain("<w:tblHeader/>");
        expect(rows.map(textOf)).toEqual(["Region2024", "Africa38", "World total"]);
        expect(rows[2]).toContain('<w:gridSpan w:val="2"/>');
        // Alt Text for screen readers: a title and the column headings, at the end of w:tblPr.
        const properties = /<w:tblPr>(.*?)<\/w:tblPr>/s.exec(table!)?.[1] ?? "";
        expect(properties).toMatch(
          /<w:tblCaption w:val="Table 1"\/><w:tblDescription w:val="Columns: Region, 2024\. 2 rows of data\."\/>$/,
        );
        // Cell text is not a numbered body paragraph.
        expect(bodyParagraphs(document).map(textOf)).not.toContain("Africa");
      },
    },
    {
      name: "footnote: a real footnote with emphasis and a link, numbered from 1",
      content: [
        para(
          text("Broadband grew"),
          {
            type: "footnote",
            content: [
              text("ITU, "),
              text("Facts and Figures", [{ type: "italic" }]),
              text(", at "),
              text("itu.int", link("https://www.itu.int")),
            ],
          },
          text(" fast."),
        ),
      ],
      check: ({ document, footnotes, rels }) => {
        expect(document).toMatch(
          /Broadband grew<\/w:t><\/w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="1"\/><\/w:r>/,
        );
        // The note's text is in footnotes.xml, not in the body.
        expect(textOf(document)).not.toContain("Facts and Figures");
        const note = /<w:footnote w:id="1">.*?<\/w:footnote>/s.exec(footnotes)?.[0] ?? "";
        expect(textOf(note)).toBe("ITU, Facts and Figures, at itu.int");
        expect(note).toContain("<w:footnoteRef/>");
        expect(note).toMatch(/<w:i\/><w:iCs\/><\/w:rPr><w:t[^>]*>Facts and Figures</);
        const id = /<w:hyperlink [^>]*r:id="([^"]+)"/.exec(note)?.[1];
        expect(textOf(/<w:hyperlink .*?<\/w:hyperlink>/s.exec(note)?.[0] ?? "")).toBe("itu.int");
        expect(rels.footnotes).toMatch(new RegExp(`Id="${id}"[^>]*Target="https://www.itu.int"`));
      },
    },
  ];

  it.each(cases)("$name", async ({ content, check }) => {
    check(await exportParts(report(content)));
  });

  it("prints a citation's footnote by source and locator: two locators, two notes", async () => {
    const cite = (locator: string | null): DocJSON => ({
      type: "citation",
      attrs: { sourceId: 5, excerpt: null, locator },
    });
    const r: ExportReport = {
      ...report([para(text("One."), cite("p. 12"), text(" Two."), cite(null))]),
      citations: {
        [citationKey({ sourceId: 5, locator: "p. 12" })]: [
          { text: "ITU, " },
          { text: "Facts", italic: true },
          { text: " (2023), p. 12." },
        ],
        [citationKey({ sourceId: 5 })]: [{ text: "ITU, Facts (2023)." }],
      },
    };
    const { footnotes } = await exportParts(r);
    const notes = [...footnotes.matchAll(/<w:footnote w:id="(\d+)">(.*?)<\/w:footnote>/gs)].map(
      (m) => [Number(m[1]), textOf(m[2]!)],
    );
    expect(notes).toEqual([
      [1, "ITU, Facts (2023), p. 12."],
      [2, "ITU, Facts (2023)."],
    ]);
  });
});

describe("toDocx: the report as a UN document", () => {
  const twoSections = report(
    [
      para(text("First"), { type: "footnote", content: [text("Note A")] }),
      para(text("Second"), { type: "footnote", content: [text("Note B")] }),
    ],
    [
      { type: "heading", attrs: { level: 3 }, content: [text("Sub")] },
      para(text("Third"), { type: "footnote", content: [text("Note C")] }),
    ],
  );

  it("numbers body paragraphs through the whole report with one Word list", async () => {
    const { document, numbering } = await exportParts(twoSections);
    const body = bodyParagraphs(document).filter((p) => p.includes("<w:numPr>"));
    expect(body.map(textOf)).toEqual(["First", "Second", "Third"]);
    const ids = new Set(body.map(numIdOf));
    expect(ids.size).toBe(1);
    expect(levelOf(numbering, [...ids][0]!)).toEqual({ format: "decimal", text: "%1." });
  });

  it("numbers footnotes in document order across sections", async () => {
    const { document, footnotes } = await exportParts(twoSections);
    const refs = [...document.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => m[1]);
    expect(refs).toEqual(["1", "2", "3"]);
    const note = (id: string) =>
      textOf(
        new RegExp(`<w:footnote w:id="${id}">.*?</w:footnote>`, "s").exec(footnotes)?.[0] ?? "",
      );
    expect(refs.map((id) => note(id!))).toEqual(["Note A", "Note B", "Note C"]);
  });

  it("numbers parts I., II. and sections A., B. through the heading styles", async () => {
    const { document, styles, numbering } = await exportParts(twoSections);
    const style = (id: string) =>
      new RegExp(`<w:style [^>]*w:styleId="${id}">.*?</w:style>`, "s").exec(styles)?.[0] ?? "";
    expect(levelOf(numbering, numIdOf(style("Heading1"))!, "0")).toEqual({
      format: "upperRoman",
      text: "%1.",
    });
    expect(levelOf(numbering, numIdOf(style("Heading2"))!, "1")).toEqual({
      format: "upperLetter",
      text: "%2.",
    });
    const headings = paragraphs(document).filter((p) => /w:val="Heading[12]"/.test(p));
    expect(headings.map(textOf)).toEqual([
      "Introduction",
      "Section 1",
      "The record since WSIS",
      "Section 2",
    ]);
  });

  it("states its language and keeps its headings in real heading styles, in order", async () => {
    const { document, styles } = await exportParts(
      report(
        [
          { type: "heading", attrs: { level: 3 }, content: [text("Access")] },
          { type: "heading", attrs: { level: 4 }, content: [text("Rural access")] },
          para(text("Text.")),
        ],
        [para(text("More."))],
      ),
    );
    // Word's default run language (docDefaults), which screen readers and spelling checks use.
    const defaults = /<w:docDefaults>.*?<\/w:docDefaults>/s.exec(styles)?.[0] ?? "";
    expect(defaults).toContain('<w:lang w:val="en-GB"/>');
    const levels = paragraphs(document)
      .map((p) => /<w:pStyle w:val="Heading(\d)"\/>/.exec(p)?.[1])
      .filter((level) => level !== undefined)
      .map(Number);
    expect(levels).toEqual([1, 2, 3, 4, 1, 2]);
    // No level is skipped on the way down (a reader's outline has no holes).
    for (const [i, level] of levels.entries()) {
      expect(level - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1);
    }
  });

  it("opens with the masthead, the title and a contents list that needs no field update", async () => {
    const { document } = await exportParts(twoSections);
    const all = paragraphs(document).map(textOf);
    const firstHeading = all.indexOf("Introduction");
    const front = all.slice(0, firstHeading).join("\n");
    for (const line of [
      "United Nations",
      "Economic and Social Council",
      "Distr.: General",
      "12 March 2025",
      "Original: English",
      "Commission on Science and Technology for Development",
      "Twenty-eighth session",
      "Item 3 of the provisional agenda",
      "Twenty years of WSIS",
      "Contents",
      "I.Introduction",
      "A.Section 1",
      "II.The record since WSIS",
      "A.Section 2",
    ]) {
      expect(front).toContain(line);
    }
    expect(document).toContain("E/</w:t>");
    expect(document).toContain("CN.16/2025/CRP.1</w:t>");
    expect(document).toMatch(/PAGEREF _Ref_ch2_s1 \\h/);
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toContain("<w:titlePg/>");
  });

  it("puts the symbol in the header and the page number in the footer", async () => {
    const { headers, footers } = await exportParts(twoSections);
    expect(headers).toContain("E/CN.16/2025/CRP.1");
    expect(headers).not.toContain("Review copy");
    expect(footers).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
  });

  it("uses Times New Roman at 10 points for the body", async () => {
    const { styles } = await exportParts(twoSections);
    expect(styles).toMatch(/<w:docDefaults>.*w:ascii="Times New Roman".*<w:sz w:val="20"\/>/s);
  });

  it("refuses a section in an unknown part", async () => {
    const r = report([para(text("x"))]);
    r.sections[0]!.part = "nowhere";
    await expect(toDocx(r, template)).rejects.toThrow(/unknown part "nowhere"/);
  });
});

describe("toDocx: unknown content fails loudly", () => {
  it.each([
    ["a block node", [{ type: "codeBlock", content: [text("x")] }], /node type "codeBlock"/],
    ["an inline node", [para({ type: "mention", attrs: { id: "u1" } })], /node type "mention"/],
    ["a mark", [para(text("x", [{ type: "strike" }]))], /mark "strike"/],
    ["a paragraph inside a paragraph", [para(para(text("x")))], /node type "paragraph"/],
  ])("throws DocxExportError naming %s", async (_name, content, message) => {
    const exported = toDocx(report(content as DocJSON[]), template);
    await expect(exported).rejects.toThrow(DocxExportError);
    await expect(toDocx(report(content as DocJSON[]), template)).rejects.toThrow(message);
    await expect(toDocx(report(content as DocJSON[]), template)).rejects.toThrow(/section "s1"/);
  });
});

describe("toDocx: review copy", () => {
  const r = report([
    para(
      text("Broadband reached "),
      text("most households", [{ type: "bold" }]),
      text(" by 2024."),
    ),
  ]);
  const comments: DocxExportOptions["comments"] = [
    {
      sectionId: "s1",
      quote: "reached most",
      author: "Ana Reviewer",
      date: "2025-03-01T10:00:00Z",
      text: "Which source?",
      replies: [{ author: "Bo Drafter", date: "2025-03-02T09:00:00Z", text: "ITU 2024." }],
    },
    { sectionId: "s1", author: "Ana Reviewer", date: "2025-03-01T11:00:00Z", text: "Shorten." },
  ];

  it("marks every page and carries the open threads as Word comments", async () => {
    const {
      headers,
      comments: xml,
      document,
    } = await exportParts(r, {
      variant: "review",
      comments,
    });
    expect(headers).toContain("Review copy");
    expect(textOf(xml)).toContain("Which source?");
    expect(textOf(xml)).toContain("Bo Drafter");
    expect(textOf(xml)).toContain("ITU 2024.");
    expect(xml).toContain('w:author="Ana Reviewer"');
    // Anchored on the quoted text, across the bold run...
    const anchored = /<w:commentRangeStart w:id="0"\/>(.*?)<w:commentRangeEnd w:id="0"\/>/s.exec(
      document,
    )?.[1];
    expect(textOf(anchored ?? "")).toBe("reached most");
    expect(document).toContain('<w:commentReference w:id="0"/>');
    // ...or on the section heading when there is no quote.
    const heading = paragraphs(document).find((p) => p.includes('w:val="Heading2"'))!;
    expect(heading).toContain('<w:commentRangeStart w:id="1"/>');
    expect(textOf(paragraphs(document).find((p) => textOf(p).startsWith("Broadband"))!)).toBe(
      "Broadband reached most households by 2024.",
    );
  });

  it("leaves the final copy clean", async () => {
    const { headers, document } = await exportParts(r, { variant: "final", comments });
    expect(headers).not.toContain("Review copy");
    expect(document).not.toContain("commentRangeStart");
  });
});

describe("toDocx: tables, boxes, cross-references and languages", () => {
  const row = (...values: string[]): DocJSON => ({
    type: "tableRow",
    content: values.map((v) => cell("tableCell", v)),
  });
  const table = (attrs: Record<string, unknown>): DocJSON => ({
    type: "table",
    attrs,
    content: [row("Year", "Rate"), row("2024", "19.3")],
  });
  const anchoredPara = (anchor: string, value: string): DocJSON => ({
    type: "paragraph",
    attrs: { anchor },
    content: [text(value)],
  });
  const ref = (kind: string, target: string): DocJSON => ({
    type: "crossRef",
    attrs: { kind, target },
  });

  it("numbers tables through the report, with title above, source and note below, inside the text block", async () => {
    const { document } = await exportParts(
      report(
        [table({ title: "Fixed broadband", source: "ITU, 2024.", note: "Per 100." })],
        [table({ title: "Mobile broadband" })],
      ),
    );
    const lines = paragraphs(document).map(textOf);
    expect(lines).toContain("Table 1");
    expect(lines).toContain("Table 2");
    expect(lines).toContain("Fixed broadband");
    expect(lines).toContain("Source: ITU, 2024.");
    expect(lines).toContain("Note: Per 100.");
    const caption = lines.indexOf("Table 1");
    expect(lines[caption + 1]).toBe("Fixed broadband");
    // Indented and as wide as the body text: 20 mm from each margin of an A4 page.
    const last = [...document.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].at(-1)?.[0] ?? "";
    const width = Number(/<w:tblW w:type="dxa" w:w="(\d+)"\/>/.exec(last)?.[1]);
    const indent = Number(/<w:tblInd w:type="dxa" w:w="(\d+)"\/>/.exec(last)?.[1]);
    expect(indent).toBe(1134);
    expect(width).toBe(11906 - 2 * 1134 - 2 * 1134);
  });

  it("draws a box with its number and title around its paragraphs, which take no paragraph number", async () => {
    const { document } = await exportParts(
      report([
        {
          type: "box",
          attrs: { title: "Digital public goods" },
          content: [para(text("Open-source tools."))],
        },
        para(text("After the box.")),
      ]),
    );
    // The masthead is a table too: the box is the last one.
    const box = [...document.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].at(-1)?.[0] ?? "";
    expect(paragraphs(box).map(textOf)).toEqual([
      "Box 1",
      "Digital public goods",
      "Open-source tools.",
    ]);
    expect(box).toMatch(/<w:left w:val="single"/);
    expect(bodyParagraphs(document).map(textOf)).toEqual(["After the box."]);
  });

  it("writes cross-references as REF fields to bookmarks, showing today's numbers", async () => {
    const { document } = await exportParts(
      report(
        [para(text("One.")), anchoredPara("p-two", "Two."), table({ anchor: "t-one" })],
        [
          para(
            text("See para. "),
            ref("paragraph", "p-two"),
            text(", table "),
            ref("table", "t-one"),
            text(", chapter "),
            ref("section", "s1"),
            text(" and "),
            ref("box", "gone"),
          ),
        ],
      ),
    );
    const bookmark = /<w:bookmarkStart w:name="(_RefA\d+)" w:id="\d+"\/>/.exec(
      paragraphs(document).find((p) => textOf(p) === "Two.") ?? "",
    )?.[1];
    expect(bookmark).toBeDefined();
    expect(document).toContain(`REF ${bookmark} \\r \\h`);
    expect(document).toMatch(/REF _RefA\d+ \\h/);
    expect(document).toContain("REF _Ref_ch1_s1 \\w \\h");
    const citing = paragraphs(document).find((p) => textOf(p).startsWith("See para."))!;
    expect(textOf(citing)).toBe("See para. 2, table 1, chapter I.A and [missing reference]");
  });

  it("numbers after a Summary as Word does: its paragraphs take no number, section REFs point at the chapter's real heading", async () => {
    const withSummary = report(
      [para(text("One.")), anchoredPara("p-two", "Two.")],
      [
        para(
          text("See para. "),
          ref("paragraph", "p-two"),
          text(" and section "),
          ref("section", "s2"),
        ),
      ],
    );
    withSummary.parts.unshift({ id: "front", title: "Summary", frontMatter: true });
    withSummary.sections.unshift({
      id: "summary",
      title: "Summary",
      part: "front",
      doc: { type: "doc", content: [para(text("The summary.")), para(text("More summary."))] },
    });
    const { document } = await exportParts(withSummary);
    const citing = paragraphs(document).find((p) => textOf(p).startsWith("See para."))!;
    expect(textOf(citing)).toBe("See para. 2 and section II.A");
    expect(citing).toContain("REF _Ref_ch2_s1 \\w \\h");
    // The bookmark the REF names is on the heading of section A of chapter II.
    const heading = paragraphs(document).find((p) => p.includes('w:name="_Ref_ch2_s1"'))!;
    expect(textOf(heading)).toBe("Section 2");
  });

  it("marks an Arabic span inside an English paragraph as an Arabic right-to-left run", async () => {
    const { document } = await exportParts(
      report([
        para(
          text("The motto "),
          text("التنمية للجميع", [{ type: "language", attrs: { lang: "ar" } }]),
          text(" was adopted."),
        ),
      ]),
    );
    const [body] = bodyParagraphs(document);
    const runs = [...(body ?? "").matchAll(/<w:r>.*?<\/w:r>/gs)].map((m) => m[0]);
    const arabic = runs.find((r) => r.includes("التنمية للجميع"))!;
    expect(arabic).toContain('<w:lang w:bidi="ar-SA"/>');
    expect(arabic).toContain("<w:rtl/>");
    const english = runs.find((r) => r.includes("The motto"))!;
    expect(english).not.toContain("<w:rtl/>");
    expect(english).not.toContain("ar-SA");
    expect(body).not.toContain("<w:bidi/>");
  });

  it("marks Arabic as right to left with w:lang and w:bidi, Chinese with its East Asian language and font", async () => {
    const { document, styles } = await exportParts(
      report([
        para(text("تقرير الأمين العام"), {
          type: "footnote",
          content: [text("ملاحظة")],
        }),
        para(text("关于宽带的报告")),
        {
          type: "paragraph",
          attrs: { lang: "fr" },
          content: [text("Rapport du Secrétaire général")],
        },
      ]),
    );
    const [arabic, chinese, french] = bodyParagraphs(document);
    expect(arabic).toContain("<w:bidi/>");
    expect(arabic).toContain('<w:lang w:bidi="ar-SA"/>');
    expect(arabic).toContain("<w:rtl/>");
    // The footnote mark is a right-to-left run too, so it follows the last word.
    expect(arabic).toMatch(/<w:rtl\/><w:lang w:bidi="ar-SA"\/><\/w:rPr><w:footnoteReference/);
    expect(chinese).toContain('<w:lang w:eastAsia="zh-CN"/>');
    expect(chinese).not.toContain("<w:bidi/>");
    expect(french).toContain('<w:lang w:val="fr-FR"/>');
    expect(styles).toContain('w:eastAsia="SimSun"');
  });
});
