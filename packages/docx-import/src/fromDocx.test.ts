import { type DocJSON, schema } from "@rapporteur/schema";
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  EndnoteReferenceRun,
  ExternalHyperlink,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  ImageRun,
  InsertedTextRun,
  InternalHyperlink,
  LevelFormat,
  Math as MathBlock,
  MathRun,
  Packer,
  PageBreak,
  Paragraph,
  type ParagraphChild,
  SimpleField,
  SymbolRun,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  Textbox,
  TextRun,
  VerticalMergeType,
} from "docx";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { fromDocx } from "./index";

type Child = Paragraph | Table | TableOfContents | Textbox;

const PNG = Uint8Array.from(
  atob(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  ),
  (c) => c.charCodeAt(0),
);

/** A .docx made by the `docx` package (as a Word draft would be), with lists and notes set up. */
async function word(
  children: Child[],
  extra: {
    footnotes?: Record<number, { children: Paragraph[] }>;
    endnotes?: Record<number, { children: Paragraph[] }>;
    comments?: { id: number; author: string; children: Paragraph[] }[];
    headers?: boolean;
    sections?: Child[][];
  } = {},
): Promise<Uint8Array> {
  const levels = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) =>
    [0, 1, 2].map((level) => ({
      level,
      format,
      text: text.replace("%1", `%${level + 1}`),
      alignment: AlignmentType.LEFT,
    }));
  const document = new Document({
    creator: "A drafter",
    numbering: {
      config: [
        { reference: "bullets", levels: levels(LevelFormat.BULLET, "•") },
        { reference: "numbers", levels: levels(LevelFormat.DECIMAL, "%1.") },
        { reference: "letters", levels: levels(LevelFormat.LOWER_LETTER, "(%1)") },
      ],
    },
    styles: {
      characterStyles: [
        { id: "Strong", name: "Strong", run: { bold: true } },
        { id: "Emphasis", name: "Emphasis", run: { italics: true } },
      ],
      paragraphStyles: [
        {
          id: "ListParagraph",
          name: "List Paragraph",
          basedOn: "Normal",
          paragraph: { indent: { left: 720 } },
        },
        { id: "Quote", name: "Quote", basedOn: "Normal", paragraph: { indent: { left: 720 } } },
        {
          id: "MyChapter",
          name: "My chapter",
          basedOn: "Heading1",
          run: { color: "0000FF" },
        },
      ],
    },
    ...(extra.footnotes ? { footnotes: extra.footnotes } : {}),
    ...(extra.endnotes ? { endnotes: extra.endnotes } : {}),
    ...(extra.comments ? { comments: { children: extra.comments } } : {}),
    sections: (extra.sections ?? [children]).map((sectionChildren) => ({
      ...(extra.headers
        ? {
            headers: { default: new Header({ children: [new Paragraph("Running head")] }) },
            footers: { default: new Footer({ children: [new Paragraph("Page")] }) },
          }
        : {}),
      children: sectionChildren,
    })),
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** A .docx whose body holds `xml` as written (for elements the docx package cannot make). */
async function wordXml(xml: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await word([new Paragraph("PLACEHOLDER")]));
  const path = "word/document.xml";
  const document = (await zip.file(path)!.async("string")).replace(
    /<w:p>(?:(?!<w:p>).)*?PLACEHOLDER.*?<\/w:p>/s,
    xml,
  );
  zip.file(path, document);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const text = (value: string, marks?: DocJSON["marks"]): DocJSON =>
  marks ? { type: "text", text: value, marks } : { type: "text", text: value };
const para = (...content: DocJSON[]): DocJSON => ({ type: "paragraph", content });
const heading = (level: 3 | 4, value: string): DocJSON => ({
  type: "heading",
  attrs: { level },
  content: [text(value)],
});
const item = (...content: DocJSON[]): DocJSON => ({ type: "listItem", content });
const bullets = (...items: DocJSON[]): DocJSON => ({ type: "bulletList", content: items });
const ordered = (...items: DocJSON[]): DocJSON => ({ type: "orderedList", content: items });
const note = (...content: DocJSON[]): DocJSON => ({ type: "footnote", content });
const bold = [{ type: "bold" }];
const italic = [{ type: "italic" }];
const link = (href: string) => [{ type: "link", attrs: { href } }];
const row = (type: string, ...values: string[]): DocJSON => ({
  type: "tableRow",
  content: values.map((value) => ({
    type,
    content: [value === "" ? { type: "paragraph" } : para(text(value))],
  })),
});
const cellOf = (value: string, options: ConstructorParameters<typeof TableCell>[0] | object = {}) =>
  new TableCell({ children: [new Paragraph(value)], ...options });
const numbered = (reference: string, level: number, value: string, style?: string) =>
  new Paragraph({ text: value, numbering: { reference, level }, ...(style ? { style } : {}) });

/** The document as the editor would hold it: the schema's defaults filled in. */
const normalised = (content: DocJSON[]) =>
  schema.nodeFromJSON({ type: "doc", content }).toJSON() as DocJSON;

interface Case {
  name: string;
  file: () => Promise<Uint8Array>;
  content: DocJSON[];
  /** Each pattern must match one warning; no other warning may appear. */
  warnings?: RegExp[];
}

const cases: Case[] = [
  {
    name: "headings: Title, Heading 1 and 2 become level 3; Heading 3 and below level 4",
    file: () =>
      word([
        new Paragraph({ text: "The report", heading: HeadingLevel.TITLE }),
        new Paragraph({ text: "Access", heading: HeadingLevel.HEADING_1 }),
        new Paragraph({ text: "Rural access", heading: HeadingLevel.HEADING_2 }),
        new Paragraph({ text: "Mobile", heading: HeadingLevel.HEADING_3 }),
        new Paragraph({ text: "Satellites", heading: HeadingLevel.HEADING_6 }),
        new Paragraph({ text: "Body text." }),
      ]),
    content: [
      heading(3, "The report"),
      heading(3, "Access"),
      heading(3, "Rural access"),
      heading(4, "Mobile"),
      heading(4, "Satellites"),
      para(text("Body text.")),
    ],
  },
  {
    name: "headings: by outline level, set on the paragraph or inherited from a custom style",
    file: () =>
      word([
        new Paragraph({ text: "Own style", style: "MyChapter" }),
        new Paragraph({ text: "Outline level 3", outlineLevel: 2 }),
      ]),
    content: [heading(3, "Own style"), heading(4, "Outline level 3")],
  },
  {
    name: "runs: bold and italic, set directly or by the Strong and Emphasis styles",
    file: () =>
      word([
        new Paragraph({
          children: [
            new TextRun("Broadband "),
            new TextRun({ text: "grew", bold: true }),
            new TextRun(" and "),
            new TextRun({ text: "fast", italics: true, bold: true }),
            new TextRun(", "),
            new TextRun({ text: "strongly", style: "Strong" }),
            new TextRun(" and "),
            new TextRun({ text: "notably", style: "Emphasis" }),
            new TextRun({ text: " not bold", style: "Strong", bold: false }),
          ],
        }),
      ]),
    content: [
      para(
        text("Broadband "),
        text("grew", bold),
        text(" and "),
        text("fast", [...bold, ...italic]),
        text(", "),
        text("strongly", bold),
        text(" and "),
        text("notably", italic),
        text(" not bold"),
      ),
    ],
  },
  {
    name: "line breaks within a paragraph; white space at the ends and empty paragraphs dropped",
    file: () =>
      word([
        new Paragraph({
          children: [
            new TextRun("  First line"),
            new TextRun({ text: "Second line  ", break: 1 }),
            new TextRun({ text: "", break: 1 }),
          ],
        }),
        new Paragraph(""),
        new Paragraph("After."),
      ]),
    content: [
      para(text("First line"), { type: "hardBreak" }, text("Second line")),
      para(text("After.")),
    ],
  },
  {
    name: "links: http, https and mailto kept; other addresses kept as text with a warning",
    file: () =>
      word([
        new Paragraph({
          children: [
            new ExternalHyperlink({
              link: "https://www.itu.int",
              children: [new TextRun({ text: "ITU", style: "Hyperlink" })],
            }),
            new TextRun(", "),
            new ExternalHyperlink({
              link: "mailto:cstd@unctad.org",
              children: [new TextRun({ text: "write", bold: true })],
            }),
            new TextRun(", "),
            new ExternalHyperlink({
              link: "javascript:alert(1)",
              children: [new TextRun("click")],
            }),
            new TextRun(", "),
            new ExternalHyperlink({
              link: "file:///C:/secret.docx",
              children: [new TextRun("file")],
            }),
            new TextRun(", "),
            new InternalHyperlink({ anchor: "somewhere", children: [new TextRun("above")] }),
          ],
        }),
      ]),
    content: [
      para(
        text("ITU", link("https://www.itu.int")),
        text(", "),
        text("write", [...bold, ...link("mailto:cstd@unctad.org")]),
        text(", click, file, above"),
      ),
    ],
    warnings: [
      /link to "javascript:alert\(1\)" was kept as plain text/,
      /link to "file:\/\/\/C:\/secret.docx" was kept as plain text/,
      /1 link to places inside the document kept as plain text/,
    ],
  },
  {
    name: "lists: bulleted and numbered, nested by list level",
    file: () =>
      word([
        numbered("bullets", 0, "Access", "ListParagraph"),
        numbered("bullets", 1, "Rural", "ListParagraph"),
        numbered("bullets", 1, "Urban", "ListParagraph"),
        numbered("bullets", 0, "Skills", "ListParagraph"),
        new Paragraph("Between."),
        numbered("numbers", 0, "First", "ListParagraph"),
        numbered("letters", 1, "First (a)", "ListParagraph"),
        numbered("numbers", 0, "Second", "ListParagraph"),
        numbered("bullets", 1, "A bullet under Second", "ListParagraph"),
      ]),
    content: [
      bullets(
        item(para(text("Access")), bullets(item(para(text("Rural"))), item(para(text("Urban"))))),
        item(para(text("Skills"))),
      ),
      para(text("Between.")),
      ordered(
        item(para(text("First")), ordered(item(para(text("First (a)"))))),
        item(para(text("Second")), bullets(item(para(text("A bullet under Second"))))),
      ),
    ],
  },
  {
    name: "lists: an indented paragraph after an item continues that item",
    file: () =>
      word([
        numbered("bullets", 0, "Item", "ListParagraph"),
        new Paragraph({ text: "More about the item.", indent: { left: 720 } }),
        new Paragraph("Not indented: after the list."),
      ]),
    content: [
      bullets(item(para(text("Item")), para(text("More about the item.")))),
      para(text("Not indented: after the list.")),
    ],
  },
  {
    name: "body paragraph numbering (decimal, level 0, normal paragraphs) gives plain paragraphs",
    file: () =>
      word([
        numbered("numbers", 0, "Broadband grew.", "Normal"),
        numbered("numbers", 0, "Mobile too.", "Normal"),
      ]),
    content: [para(text("Broadband grew.")), para(text("Mobile too."))],
    warnings: [/2 numbered paragraphs became body paragraphs/],
  },
  {
    name: "block quotes: consecutive Quote paragraphs form one block quote",
    file: () =>
      word([
        new Paragraph({ text: "We, the representatives", style: "Quote" }),
        new Paragraph({ text: "declare our common desire", style: "Quote" }),
        new Paragraph("Said the summit."),
      ]),
    content: [
      {
        type: "blockquote",
        content: [para(text("We, the representatives")), para(text("declare our common desire"))],
      },
      para(text("Said the summit.")),
    ],
  },
  {
    name: "footnotes: the note's text at its reference, with bold, italics and links",
    file: () =>
      word(
        [
          new Paragraph({
            children: [
              new TextRun("Broadband grew"),
              new FootnoteReferenceRun(1),
              new TextRun("."),
            ],
          }),
        ],
        {
          footnotes: {
            1: {
              children: [
                new Paragraph({
                  children: [
                    new TextRun(" ITU, "),
                    new TextRun({ text: "Facts and Figures", italics: true }),
                    new TextRun({ text: " 2024", bold: true }),
                    new TextRun(", "),
                    new ExternalHyperlink({
                      link: "https://www.itu.int/itu-d/reports/statistics/",
                      children: [new TextRun("online")],
                    }),
                    new TextRun(". "),
                  ],
                }),
              ],
            },
          },
        },
      ),
    content: [
      para(
        text("Broadband grew"),
        note(
          text("ITU, "),
          text("Facts and Figures", italic),
          text(" 2024", bold),
          text(", "),
          text("online", link("https://www.itu.int/itu-d/reports/statistics/")),
          text("."),
        ),
        text("."),
      ),
    ],
  },
  {
    name: "footnotes: several paragraphs are joined; endnotes become footnotes",
    file: () =>
      word(
        [
          new Paragraph({
            children: [
              new TextRun("Text"),
              new FootnoteReferenceRun(1),
              new TextRun(" more"),
              new EndnoteReferenceRun(1),
            ],
          }),
        ],
        {
          footnotes: {
            1: { children: [new Paragraph("First paragraph."), new Paragraph("Second.")] },
          },
          endnotes: { 1: { children: [new Paragraph("An endnote.")] } },
        },
      ),
    content: [
      para(
        text("Text"),
        note(text("First paragraph. Second.")),
        text(" more"),
        note(text("An endnote.")),
      ),
    ],
    warnings: [/1 footnote with several paragraphs/, /1 endnote became footnotes/],
  },
  {
    name: "tables: the first row becomes header cells, cells keep their paragraphs and lists",
    file: () =>
      word([
        new Table({
          rows: [
            new TableRow({ children: [cellOf("Region"), cellOf("2024")] }),
            new TableRow({
              children: [
                new TableCell({
                  children: [
                    new Paragraph({ children: [new TextRun({ text: "Africa", bold: true })] }),
                    numbered("bullets", 0, "rural", "ListParagraph"),
                  ],
                }),
                cellOf("38"),
              ],
            }),
          ],
        }),
      ]),
    content: [
      {
        type: "table",
        content: [
          row("tableHeader", "Region", "2024"),
          {
            type: "tableRow",
            content: [
              {
                type: "tableCell",
                content: [para(text("Africa", bold)), bullets(item(para(text("rural"))))],
              },
              { type: "tableCell", content: [para(text("38"))] },
            ],
          },
        ],
      },
    ],
  },
  {
    name: "tables: merged cells are split, the text staying in the first cell",
    file: () =>
      word([
        new Table({
          rows: [
            new TableRow({ children: [cellOf("Wide heading", { columnSpan: 2 }), cellOf("C")] }),
            new TableRow({
              children: [
                cellOf("Tall", { verticalMerge: VerticalMergeType.RESTART }),
                cellOf("1"),
                cellOf("2"),
              ],
            }),
            new TableRow({
              children: [
                cellOf("", { verticalMerge: VerticalMergeType.CONTINUE }),
                cellOf("3"),
                cellOf("4"),
              ],
            }),
          ],
        }),
      ]),
    content: [
      {
        type: "table",
        content: [
          row("tableHeader", "Wide heading", "", "C"),
          row("tableCell", "Tall", "1", "2"),
          row("tableCell", "", "3", "4"),
        ],
      },
    ],
    warnings: [/Merged cells were split in 1 table/],
  },
  {
    name: "tracked changes: insertions accepted, deletions dropped",
    file: () =>
      word([
        new Paragraph({
          children: [
            new TextRun("Broadband "),
            new InsertedTextRun({ text: "quickly ", id: 1, author: "A", date: "2025-01-01" }),
            new DeletedTextRun({ text: "slowly ", id: 2, author: "A", date: "2025-01-01" }),
            new TextRun("grew."),
          ],
        }),
      ]),
    content: [para(text("Broadband quickly grew."))],
    warnings: [/1 insertion accepted/, /1 deletion dropped/],
  },
  {
    name: "images, text boxes, equations, symbols and page breaks are left out and named",
    file: () =>
      word([
        new Paragraph({
          children: [
            new TextRun("Figure: "),
            new ImageRun({ type: "png", data: PNG, transformation: { width: 10, height: 10 } }),
            new SymbolRun("F071"),
            new PageBreak(),
          ],
        }),
        new Paragraph({ children: [new MathBlock({ children: [new MathRun("E = mc^2")] })] }),
        new Textbox({
          style: { width: "2in", height: "1in" },
          children: [new Paragraph("Key finding: access doubled")],
        }),
        new Paragraph("After."),
      ]),
    content: [para(text("Figure:")), para(text("After."))],
    warnings: [
      /1 image left out/,
      /1 inserted symbol/,
      /1 page or column break left out/,
      /1 equation left out/,
      /A text box was left out with its text: "Key finding: access doubled"/,
    ],
  },
  {
    name: "comments are left out and counted",
    file: () =>
      word(
        [
          new Paragraph({
            children: [
              new CommentRangeStart(0),
              new TextRun("Disputed figure."),
              new CommentRangeEnd(0),
              new TextRun({ children: [new CommentReference(0)] }),
            ],
          }),
        ],
        {
          comments: [{ id: 0, author: "Reviewer", children: [new Paragraph("Source?")] }],
        },
      ),
    content: [para(text("Disputed figure."))],
    warnings: [/1 comment left out/],
  },
  {
    name: "fields keep their displayed text; the table of contents, headers, footers and section breaks are left out",
    file: () =>
      word([], {
        headers: true,
        sections: [
          [
            new TableOfContents("Contents", { hyperlink: true, headingStyleRange: "1-3" }),
            new Paragraph({
              children: [new TextRun("Printed on "), new SimpleField("DATE", "1 May")],
            }),
          ],
          [new Paragraph("Second section.")],
        ],
      }),
    content: [para(text("Printed on 1 May")), para(text("Second section."))],
    warnings: [
      /table of contents was left out/,
      /1 field .* replaced by the text Word last displayed/,
      /headers and footers were left out/,
      /1 section break left out/,
    ],
  },
  {
    name: "complex fields: a HYPERLINK field becomes a link, a page reference its text",
    file: () =>
      wordXml(
        `<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r>` +
          `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://unctad.org/cstd" </w:instrText></w:r>` +
          `<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>CSTD</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
          `<w:r><w:t xml:space="preserve">, page </w:t></w:r>` +
          `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF _Toc1 \\h </w:instrText></w:r>` +
          `<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>4</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
          `<w:r><w:t>.</w:t></w:r></w:p>`,
      ),
    content: [para(text("See "), text("CSTD", link("https://unctad.org/cstd")), text(", page 4."))],
    warnings: [/1 field .* replaced by the text Word last displayed/],
  },
  {
    name: "drawings: SmartArt, charts and shapes are named; a fallback picture is not counted twice",
    file: () =>
      wordXml(
        `<w:p><w:r><w:t>Diagram:</w:t></w:r><w:r><w:drawing><wp:inline><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/diagram"/></a:graphic></wp:inline></w:drawing></w:r>` +
          `<w:r><w:drawing><wp:inline><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"/></a:graphic></wp:inline></w:drawing></w:r>` +
          `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"/></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
          `<mc:Fallback><w:pict><v:rect/></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>` +
          `<w:p><m:oMathPara><m:oMath><m:r><m:t>x</m:t></m:r></m:oMath></m:oMathPara></w:p>` +
          `<w:altChunk r:id="rIdMissing"/><w:p><w:r><w:t>End.</w:t></w:r><w:customTag/></w:p>`,
      ),
    content: [para(text("Diagram:")), para(text("End."))],
    warnings: [
      /1 SmartArt diagram left out/,
      /1 chart left out/,
      /1 drawing or shape left out/,
      /1 equation left out/,
      /1 embedded document \(altChunk\) left out/,
      /1 Word element <w:customTag> left out/,
    ],
  },
  {
    name: "a note referred to twice is imported once",
    file: () =>
      word(
        [
          new Paragraph({
            children: [
              new TextRun("One"),
              new FootnoteReferenceRun(1),
              new TextRun(" two"),
              new FootnoteReferenceRun(1),
            ],
          }),
        ],
        { footnotes: { 1: { children: [new Paragraph("The note.")] } } },
      ),
    content: [para(text("One"), note(text("The note.")), text(" two"))],
    warnings: [/1 repeated reference to a note already used left out/],
  },
  {
    name: "tables: wider than Word's 63 columns are cut to 63",
    file: () =>
      wordXml(
        `<w:tbl><w:tr>${Array.from({ length: 65 }, (_, i) => `<w:tc><w:p><w:r><w:t>${i}</w:t></w:r></w:p></w:tc>`).join("")}</w:tr></w:tbl>`,
      ),
    content: [
      {
        type: "table",
        content: [row("tableHeader", ...Array.from({ length: 63 }, (_, i) => String(i)))],
      },
    ],
    warnings: [/1 table wider than 63 columns/],
  },
  {
    name: "an empty document gives one empty paragraph",
    file: () => word([new Paragraph("")]),
    content: [{ type: "paragraph" }],
    warnings: [/holds no text/],
  },
];

describe("fromDocx: one fixture per Word construct", () => {
  for (const c of cases) {
    it(c.name, async () => {
      const { doc, warnings } = await fromDocx(await c.file());
      expect(doc).toEqual(normalised(c.content));
      expect(() => schema.nodeFromJSON(doc).check()).not.toThrow();
      const expected = c.warnings ?? [];
      for (const pattern of expected) {
        expect(
          warnings.some((w) => pattern.test(w)),
          `${pattern} in ${JSON.stringify(warnings)}`,
        ).toBe(true);
      }
      expect(warnings, JSON.stringify(warnings)).toHaveLength(expected.length);
    });
  }
});

describe("fromDocx: paragraph children", () => {
  it("keeps the text of hyperlinks nested in content controls and smart tags", async () => {
    const file = await wordXml(
      `<w:p><w:sdt><w:sdtContent><w:smartTag w:element="place"><w:r><w:t>Geneva</w:t></w:r></w:smartTag></w:sdtContent></w:sdt></w:p>`,
    );
    const { doc, warnings } = await fromDocx(file);
    expect(doc).toEqual(normalised([para(text("Geneva"))]));
    expect(warnings).toEqual([]);
  });

  it("never links the text after a field whose end sits in a left-out table of contents", async () => {
    const children: ParagraphChild[] = [new TextRun("Body")];
    const file = await word([
      new TableOfContents("Contents", { hyperlink: true }),
      new Paragraph({ children }),
    ]);
    const { doc } = await fromDocx(file);
    expect(doc).toEqual(normalised([para(text("Body"))]));
  });
});
