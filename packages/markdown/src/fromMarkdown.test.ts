import { type DocJSON, schema } from "@rapporteur/schema";
import { describe, expect, it } from "vitest";
import {
  bold,
  br,
  doc,
  h,
  italic,
  li,
  link,
  note,
  ol,
  p,
  quote,
  t,
  table,
  ul,
} from "./docBuilders";
import { fromMarkdown } from "./fromMarkdown";

const lang = (code: string) => ({ type: "language", attrs: { lang: code } });

describe("fromMarkdown keeps what the editor can hold", () => {
  it.each<[string, string, DocJSON]>([
    ["an empty file", "", doc(p())],
    ["paragraphs", "One.\n\nTwo\nlines.", doc(p(t("One.")), p(t("Two lines.")))],
    [
      "bold and italic",
      "Some **bold**, *italic*, __b__ _i_ and ***both***.",
      doc(
        p(
          t("Some "),
          t("bold", bold),
          t(", "),
          t("italic", italic),
          t(", "),
          t("b", bold),
          t(" "),
          t("i", italic),
          t(" and "),
          t("both", bold, italic),
          t("."),
        ),
      ),
    ],
    [
      "links with a title, autolinks and e-mail addresses",
      '[UNCTAD](https://unctad.org "CSTD") <https://un.org> www.itu.int cstd@unctad.org',
      doc(
        p(
          t("UNCTAD", link("https://unctad.org", "CSTD")),
          t(" "),
          t("https://un.org", link("https://un.org")),
          t(" "),
          t("www.itu.int", link("http://www.itu.int")),
          t(" "),
          t("cstd@unctad.org", link("mailto:cstd@unctad.org")),
        ),
      ),
    ],
    [
      "reference links",
      "See [the report][r].\n\n[r]: https://unctad.org/r",
      doc(p(t("See "), t("the report", link("https://unctad.org/r")), t("."))),
    ],
    ["hard breaks", "one\\\ntwo  \nthree", doc(p(t("one"), br, t("two"), br, t("three")))],
    [
      "headings starting at # (a draft): # -> 3, ## -> 4",
      "# Access\n\n## Rural areas\n\nText.",
      doc(h(3, t("Access")), h(4, t("Rural areas")), p(t("Text."))),
    ],
    [
      "headings starting at ## : ## -> 3, ### -> 4",
      "## Access\n\n### Rural areas",
      doc(h(3, t("Access")), h(4, t("Rural areas"))),
    ],
    [
      "headings as exported: ### -> 3, #### -> 4",
      "### Access\n\n#### Rural areas",
      doc(h(3, t("Access")), h(4, t("Rural areas"))),
    ],
    ["only #### headings stay level 4", "#### Detail", doc(h(4, t("Detail")))],
    ["setext headings", "Access\n======", doc(h(3, t("Access")))],
    [
      "bullet lists, nested",
      "- one\n- two\n  - two.a\n",
      doc(ul(li(p(t("one"))), li(p(t("two")), ul(li(p(t("two.a"))))))),
    ],
    [
      "ordered lists keep their start",
      "3. three\n4. four",
      doc(ol(3, li(p(t("three"))), li(p(t("four"))))),
    ],
    [
      "loose lists with several paragraphs per item",
      "1. one\n\n   more\n\n2. two",
      doc(ol(1, li(p(t("one")), p(t("more"))), li(p(t("two"))))),
    ],
    [
      "block quotes with lists inside",
      "> Quoted\n>\n> - item",
      doc(quote(p(t("Quoted")), ul(li(p(t("item")))))),
    ],
    [
      "GFM tables: header row, alignment",
      "| Region | Users |\n|:--|--:|\n| Africa | 37% |\n| Europe |",
      doc(
        table(
          [
            ["Region", "Users"],
            ["Africa", "37%"],
            ["Europe", ""],
          ],
          ["left", "right"],
        ),
      ),
    ],
    [
      "GFM footnotes at their reference, with emphasis and links",
      "Growth.[^itu] More.\n\n[^itu]: ITU, *Facts*, [online](https://itu.int).",
      doc(
        p(
          t("Growth."),
          note(
            t("ITU, "),
            t("Facts", italic),
            t(", "),
            t("online", link("https://itu.int")),
            t("."),
          ),
          t(" More."),
        ),
      ),
    ],
    [
      "footnotes in headings and table cells",
      "### Title[^1]\n\n| A[^2] |\n| - |\n\n[^1]: one\n[^2]: two",
      doc(h(3, t("Title"), note(t("one"))), {
        type: "table",
        content: [
          {
            type: "tableRow",
            content: [
              {
                type: "tableHeader",
                attrs: { colspan: 1, rowspan: 1, colwidth: null, align: null },
                content: [p(t("A"), note(t("two")))],
              },
            ],
          },
        ],
      }),
    ],
    [
      "escaped characters as text",
      "\\*not emphasis\\* 1\\. \\# \\[x\\] a\\_b\\_c",
      doc(p(t("*not emphasis* 1. # [x] a_b_c"))),
    ],
    ["entities decoded as text, never as markup", "&lt;b&gt; &amp; &copy;", doc(p(t("<b> & ©")))],
    [
      "bracketed spans as spans in a language, with the paragraph's own language after",
      "Le [*motto*]{lang=en} et [الشعار]{lang=ar} {lang=fr}",
      doc({
        type: "paragraph",
        attrs: { lang: "fr", anchor: null },
        content: [t("Le "), t("motto", italic, lang("en")), t(" et "), t("الشعار", lang("ar"))],
      }),
    ],
    [
      "spans in a table cell and a heading; a footnote keeps only their text",
      "### [Titre]{lang=fr}\n\n| [中文]{lang=zh} |\n| - |\n\nA[^1]\n\n[^1]: [Nota]{lang=es}.",
      doc(
        h(3, t("Titre", lang("fr"))),
        {
          type: "table",
          attrs: { title: "", source: "", note: "", anchor: null },
          content: [
            {
              type: "tableRow",
              content: [
                {
                  type: "tableHeader",
                  attrs: { colspan: 1, rowspan: 1, colwidth: null, align: null },
                  content: [p(t("中文", lang("zh")))],
                },
              ],
            },
          ],
        },
        p(t("A"), note(t("Nota."))),
      ),
    ],
    [
      "brackets that name no UN language stay text",
      "[x]{lang=de} and [y] {lang=fr",
      doc(p(t("[x]{lang=de} and [y] {lang=fr"))),
    ],
  ])("%s", (_name, markdown, expected) => {
    const result = fromMarkdown(markdown);
    expect(result.doc).toEqual(expected);
    expect(result.warnings).toEqual([]);
    schema.nodeFromJSON(result.doc).check();
  });
});

describe("fromMarkdown lists what it cannot keep", () => {
  it.each<[string, string, DocJSON, RegExp[]]>([
    [
      "inline code, as plain text",
      "Run `npm test` now.",
      doc(p(t("Run npm test now."))),
      [/^Line 1: inline code `npm test` converted to plain text/],
    ],
    [
      "code blocks, as plain text with line breaks",
      "```js\nlet a;\nlet b;\n```",
      doc(p(t("let a;"), br, t("let b;"))),
      [/^Line 1: code block converted to plain text/],
    ],
    [
      "strikethrough, text kept",
      "a ~~gone~~ b",
      doc(p(t("a gone b"))),
      [/^Line 1: strikethrough removed/],
    ],
    [
      "horizontal rules",
      "one\n\n---\n\ntwo",
      doc(p(t("one")), p(t("two"))),
      [/^Line 3: horizontal rule/],
    ],
    [
      "images",
      "See ![a chart](chart.png).",
      doc(p(t("See ."))),
      [/^Line 1: image "a chart" \(chart\.png\) dropped/],
    ],
    [
      "deep headings",
      "# A\n\n## B\n\n### C",
      doc(h(3, t("A")), h(4, t("B")), h(4, t("C"))),
      [/^Line 5: heading level 3 \(###\) became a sub-sub-heading/],
    ],
    [
      "task list checkboxes",
      "- [x] done",
      doc(ul(li(p(t("done"))))),
      [/^Line 1: task list checkbox dropped/],
    ],
    [
      "several paragraphs in one footnote",
      "A[^1]\n\n[^1]: one\n\n    two",
      doc(p(t("A"), note(t("one two")))),
      [/^Line 3: footnote \[\^1\]: its 2 paragraphs were joined/],
    ],
    [
      "a footnote call without definition stays text (as in GFM)",
      "A[^x] and [^y]\n\n[^y]: why",
      doc(p(t("A[^x] and "), note(t("why")))),
      [],
    ],
    [
      "unused footnote definitions",
      "Text.\n\n[^1]: orphan note",
      doc(p(t("Text."))),
      [/^Line 3: footnote \[\^1\] is never referenced: its text "orphan note"/],
    ],
    [
      "a footnote referenced twice",
      "A[^1] B[^1]\n\n[^1]: n",
      doc(p(t("A"), note(t("n")), t(" B"), note(t("n")))),
      [/^Line 1: footnote \[\^1\] is referenced more than once/],
    ],
    ["front matter", "---\ntitle: x\n---\n\nBody", doc(p(t("Body"))), [/^Front matter ignored/]],
  ])("%s", (_name, markdown, expected, warnings) => {
    const result = fromMarkdown(markdown);
    expect(result.doc).toEqual(expected);
    for (const warning of warnings)
      expect(result.warnings).toContainEqual(expect.stringMatching(warning));
    expect(result.warnings).toHaveLength(warnings.length);
  });
});
