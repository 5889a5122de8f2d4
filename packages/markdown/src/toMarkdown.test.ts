import { citationKey, type DocJSON } from "@rapporteur/schema";
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
import { toMarkdown } from "./toMarkdown";

const lang = (code: string) => ({ type: "language", attrs: { lang: code } });

describe("toMarkdown writes each node type as GFM", () => {
  it.each<[string, DocJSON, string]>([
    ["an empty document", doc(p()), ""],
    ["paragraphs", doc(p(t("One.")), p(t("Two."))), "One.\n\nTwo.\n"],
    [
      "marks",
      doc(p(t("a "), t("b", bold), t(" "), t("c", italic), t(" "), t("d", bold, italic))),
      "a **b** *c* **_d_**\n",
    ],
    [
      "links, with title; autolinks when the text is the address",
      doc(
        p(
          t("UNCTAD", link("https://unctad.org", "CSTD")),
          t(" "),
          t("https://un.org", link("https://un.org")),
        ),
      ),
      '[UNCTAD](https://unctad.org "CSTD") <https://un.org>\n',
    ],
    ["sub-headings as ### and ####", doc(h(3, t("A")), h(4, t("B"))), "### A\n\n#### B\n"],
    ["hard breaks", doc(p(t("one"), br, t("two"))), "one\\\ntwo\n"],
    [
      "lists, nested",
      doc(ul(li(p(t("a")), ol(1, li(p(t("b"))), li(p(t("c"))))))),
      "- a\n  1. b\n  2. c\n",
    ],
    [
      // "3." cannot interrupt a paragraph: without the blank line it would be read as text.
      "a nested list with a start other than 1",
      doc(ul(li(p(t("a")), ol(3, li(p(t("b"))))))),
      "- a\n\n  3. b\n",
    ],
    ["block quotes", doc(quote(p(t("q")), p(t("r")))), "> q\n>\n> r\n"],
    [
      "tables with alignment",
      doc(
        table(
          [
            ["A", "B"],
            ["1", ""],
          ],
          ["center", null],
        ),
      ),
      "|  A  | B |\n| :-: | - |\n|  1  |   |\n",
    ],
    [
      "footnotes numbered in document order, definitions at the end",
      doc(p(t("A"), note(t("first ", italic), t("x")), t(" B"), note(t("second")))),
      "A[^1] B[^2]\n\n[^1]: *first* x\n\n[^2]: second\n",
    ],
    [
      "text that looks like Markdown, escaped",
      doc(p(t("*not* [x] 1. <b> www.un.org a@b.org"))),
      "\\*not\\* \\[x] 1. \\<b> www\\.un.org a\\@b.org\n",
    ],
    [
      "whitespace moved out of bold, trimmed at the ends",
      doc(p(t(" lead "), t("bold ", bold), t("end "))),
      "lead **bold** end\n",
    ],
    ["javascript: links dropped, text kept", doc(p(t("x", link("javascript:alert(1)")))), "x\n"],
    [
      "spans in a language as pandoc's bracketed spans, marks inside",
      doc(
        p(
          t("The motto "),
          t("التنمية للجميع", lang("ar")),
          t(" and "),
          t("très", bold, lang("fr")),
          t(" bien", lang("fr")),
          t("."),
        ),
        h(3, t("Titre", lang("fr"))),
      ),
      "The motto [التنمية للجميع]{lang=ar} and [**très** bien]{lang=fr}.\n\n### [Titre]{lang=fr}\n",
    ],
  ])("%s", (_name, input, expected) => {
    expect(toMarkdown(input)).toBe(expected);
  });

  it("writes a table whose cells hold several paragraphs as one line per cell", () => {
    const cell = (type: string, ...content: DocJSON[]) => ({ type, content });
    const input = doc({
      type: "table",
      content: [
        { type: "tableRow", content: [cell("tableHeader", p(t("H")))] },
        { type: "tableRow", content: [cell("tableCell", p(t("one")), ul(li(p(t("two")))))] },
      ],
    });
    expect(toMarkdown(input)).toBe("| H       |\n| ------- |\n| one two |\n");
  });

  it("writes citations as footnotes, one per source, excerpt and locator", () => {
    const cite = (locator: string | null) => ({
      type: "citation",
      attrs: { sourceId: 5, excerpt: null, locator },
    });
    const citations = {
      [citationKey({ sourceId: 5, locator: "p. 12" })]: [
        { text: "ITU, " },
        { text: "Facts", italic: true },
        { text: " (2023), p. 12." },
      ],
      [citationKey({ sourceId: 5 })]: [
        { text: "ITU, " },
        { text: "Facts", italic: true },
        { text: " (2023)." },
      ],
    };
    expect(toMarkdown(doc(p(t("One."), cite("p. 12"), t(" Two."), cite(null))), citations)).toBe(
      "One.[^1] Two.[^2]\n\n[^1]: ITU, *Facts* (2023), p. 12.\n\n[^2]: ITU, *Facts* (2023).\n",
    );
  });
});
