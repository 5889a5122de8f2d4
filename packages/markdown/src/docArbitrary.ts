import type { DocJSON } from "@rapporteur/schema";
import fc from "fast-check";

type MarkJSON = NonNullable<DocJSON["marks"]>[number];

// Words, spaces and every character Markdown gives a meaning to, so that escaping is exercised.
const TOKENS = [
  "word",
  "Access",
  "é",
  "中文",
  "عربي",
  " ",
  " ",
  "  ",
  "\u00a0",
  "\u202f",
  "1",
  "1.",
  "2)",
  ".",
  ",",
  "*",
  "**",
  "_",
  "__",
  "[",
  "]",
  "(",
  ")",
  "[^1]",
  "#",
  "-",
  "- ",
  "+",
  "!",
  ">",
  "|",
  "\\",
  "`",
  "~",
  "~~",
  "<",
  "<b>",
  "&",
  "&amp;",
  ":",
  "@",
  "/",
  "=",
  "===",
  "---",
  '"',
  "'",
  "^",
  "$",
  "{",
  "}",
  "http://example.org",
  "www.un.org",
  "someone@un.org",
];

const HREFS = [
  "https://www.un.org",
  "https://unctad.org/topic/commission-on-science-and-technology-for-development",
  "http://example.org/a_(b)?q=1&r=2#frag",
  "mailto:cstd@unctad.org",
  "https://example.org/path with space",
];

const textArb = fc
  .array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 6 })
  .map((t) => t.join(""));

const linkArb: fc.Arbitrary<MarkJSON> = fc
  .record({ href: fc.constantFrom(...HREFS), title: fc.constantFrom(null, "A title") })
  .map((attrs) => ({ type: "link", attrs }));

const marksArb: fc.Arbitrary<MarkJSON[]> = fc
  .record({ bold: fc.boolean(), italic: fc.boolean(), link: fc.option(linkArb, { freq: 3 }) })
  .map(({ bold, italic, link }) => [
    ...(link ? [link] : []),
    ...(bold ? [{ type: "bold" }] : []),
    ...(italic ? [{ type: "italic" }] : []),
  ]);

const textNodeArb: fc.Arbitrary<DocJSON> = fc
  .record({ text: textArb, marks: marksArb })
  .map(({ text, marks }) =>
    marks.length > 0 ? { type: "text", text, marks } : { type: "text", text },
  );

const footnoteArb: fc.Arbitrary<DocJSON> = fc
  .array(textNodeArb, { maxLength: 3 })
  .map((content) => (content.length > 0 ? { type: "footnote", content } : { type: "footnote" }));

const inlineArb: fc.Arbitrary<DocJSON[]> = fc.array(
  fc.oneof(
    { weight: 8, arbitrary: textNodeArb },
    { weight: 1, arbitrary: fc.constant({ type: "hardBreak" }) },
    { weight: 1, arbitrary: footnoteArb },
  ),
  { maxLength: 6 },
);

const paragraphArb: fc.Arbitrary<DocJSON> = inlineArb.map((content) =>
  content.length > 0 ? { type: "paragraph", content } : { type: "paragraph" },
);

const headingArb: fc.Arbitrary<DocJSON> = fc
  .record({ level: fc.constantFrom(3, 4), content: inlineArb })
  .map(({ level, content }) => ({ type: "heading", attrs: { level }, content }));

const tableArb: fc.Arbitrary<DocJSON> = fc
  .record({
    cols: fc.integer({ min: 1, max: 3 }),
    rows: fc.integer({ min: 1, max: 3 }),
    cells: fc.array(
      fc.record({
        content: fc.array(paragraphArb, { minLength: 1, maxLength: 2 }),
        align: fc.constantFrom(null, "left", "center", "right"),
      }),
      { minLength: 9, maxLength: 9 },
    ),
  })
  .map(({ cols, rows, cells }) => ({
    type: "table",
    content: Array.from({ length: rows }, (_, r) => ({
      type: "tableRow",
      content: Array.from({ length: cols }, (_, c) => ({
        type: r === 0 ? "tableHeader" : "tableCell",
        attrs: { align: cells[r * 3 + c]!.align },
        content: cells[r * 3 + c]!.content,
      })),
    })),
  }));

/** Random blocks of the report schema, nested up to `depth` containers deep. */
function blocksArb(depth: number): fc.Arbitrary<DocJSON[]> {
  const leaves = [paragraphArb, paragraphArb, paragraphArb, headingArb, tableArb];
  if (depth === 0) return fc.array(fc.oneof(...leaves), { minLength: 1, maxLength: 4 });
  const inner = blocksArb(depth - 1);
  const item = fc
    .record({ first: paragraphArb, rest: fc.option(inner, { freq: 2 }) })
    .map(({ first, rest }) => ({ type: "listItem", content: [first, ...(rest ?? [])] }));
  const items = fc.array(item, { minLength: 1, maxLength: 3 });
  const containers = [
    items.map((content) => ({ type: "bulletList", content })),
    fc
      .record({ start: fc.integer({ min: 0, max: 30 }), content: items })
      .map(({ start, content }) => ({ type: "orderedList", attrs: { start }, content })),
    inner.map((content) => ({ type: "blockquote", content })),
  ];
  return fc.array(fc.oneof(...leaves, ...containers), { minLength: 1, maxLength: 4 });
}

/**
 * Random valid section documents of the report schema: paragraphs of marked text (bold, italic,
 * links) with hard breaks and footnotes, sub-headings, nested bullet and ordered lists, block
 * quotes and tables, with text full of characters that Markdown gives a meaning to.
 */
export const docArbitrary: fc.Arbitrary<DocJSON> = blocksArb(2).map((content) => ({
  type: "doc",
  content,
}));
