import { type DocJSON, schema } from "@rapporteur/schema";
import { describe, expect, it } from "vitest";
import { countDocument } from "./countDocument";
import { countWords } from "./countWords";
import { createDocumentCounter } from "./createDocumentCounter";

// Expected counts are LibreOffice Writer's (meta:word-count of the text converted to ODT with
// soffice --headless).
describe("countWords counts as LibreOffice Writer does", () => {
  it.each<[string, string, number]>([
    ["empty", "", 0],
    ["plain words", "Access and inclusion", 3],
    ["extra spaces", "  spaced   out  ", 2],
    ["tabs and line ends", "a\tb\nc", 3],
    ["hyphenated compounds", "e-mail well-being multi-stakeholder", 3],
    ["numbers with separators", "1,000.5 and 1 000 and 30,000-40,000", 6],
    ["an en dash between numbers separates them", "30,000–40,000 words", 3],
    ["dashes with spaces are not words", "growth — and decline – both", 4],
    ["an em dash without spaces separates", "word—word", 2],
    ["a URL is one word", "see https://www.itu.int/en/ITU-D/Statistics?a=1&b=2 now", 3],
    ["an e-mail address is one word", "write to cstd@unctad.org today", 4],
    ["apostrophes", "don't l'homme aujourd’hui", 3],
    ["slashes, percentages", "and/or 24/7 3.5%", 3],
    ["brackets and quotes", "(see) [note] “quoted” 'single'", 4],
    ["ellipsis inside a word", "wait…what", 1],
    ["signs and ordinals", "$1,000 10% 5.5 -3 +4 1st", 6],
    ["dots inside words", "snake_case file.txt v1.2.3", 3],
    ["Spanish", "¿Qué? ¡Sí! año", 3],
    ["Russian", "Всемирная встреча на высшем уровне", 5],
    ["Arabic", "القمة العالمية لمجتمع المعلومات", 4],
    ["Arabic punctuation attached", "مرحبا، كيف حالك؟", 3],
    ["a soft hyphen inside a word", "infor\u00admation", 1],
    ["a zero-width space does not separate", "a\u200bb", 1],
    ["a thin space separates", "a\u2009b", 2],
    ["Chinese: one word per character", "信息社会世界峰会二十年审查", 13],
    ["Japanese kanji and kana: one word per character", "情報社会世界サミットの成果を見直す", 17],
    ["Korean: one word per syllable", "정보 사회 세계 정상 회의", 10],
    ["Thai: one word per character (combining marks included)", "สังคมสารสนเทศ", 12],
    ["an ideographic space separates", "我\u3000你", 2],
    ["Latin, digits and a full stop among Chinese", "我们在2025年审查WSIS成果。", 11],
    ["Chinese punctuation counts, as in LibreOffice", "我们，你们。", 6],
    [
      "French no-break spaces do not glue words; the punctuation they set off counts",
      "Quoi\u00a0? Oui\u202f! Il dit\u00a0: «\u00a0bonjour\u00a0» ; fin",
      12,
    ],
    [
      "French numbers with no-break spaces are two words, as in LibreOffice",
      "1\u00a0000 et 2\u202f000",
      5,
    ],
    // Measured in exported reports (tests/wordcount/libreofficeCount.test.ts): LibreOffice
    // counts lone punctuation, and so does Rapporteur to stay within 1 % on French text.
    ["lone punctuation counts", "a . b , c ... d", 7],
    ["a lone ampersand counts", "R&D AT&T & more", 4],
    [
      "a spaced hyphen counts (a dash does not)",
      "platforms - a long-standing debate - continues",
      7,
    ],
    ["a spaced ellipsis counts", "wait … what", 3],
    ["guillemets with spaces count", "« bonjour »", 3],
    ["a lone zero-width space or soft hyphen is not a word", "a \u200b \u00ad b", 2],
  ])("%s: %j has %i words", (_name, text, words) => {
    expect(countWords(text)).toBe(words);
  });
});

const text = (value: string): DocJSON => ({ type: "text", text: value });
const paragraph = (...content: DocJSON[]): DocJSON => ({ type: "paragraph", content });

describe("countDocument", () => {
  it("counts headings, paragraphs, list items and table cells, never joining blocks", () => {
    const doc: DocJSON = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 3 }, content: [text("Title")] },
        paragraph(text("one two")),
        { type: "bulletList", content: [{ type: "listItem", content: [paragraph(text("item"))] }] },
        {
          type: "table",
          content: [
            {
              type: "tableRow",
              content: [
                { type: "tableHeader", content: [paragraph(text("Region"))] },
                { type: "tableHeader", content: [paragraph(text("Users"))] },
              ],
            },
          ],
        },
        { type: "blockquote", content: [paragraph(text("quoted"))] },
      ],
    };
    schema.nodeFromJSON(doc).check();
    // Title, one, two, item, Region, Users, quoted, and the printed label "Table 1".
    expect(countDocument(doc)).toEqual({ words: 9, footnoteWords: 0 });
  });

  it("reports footnote words apart and does not glue the words around a reference", () => {
    const doc: DocJSON = {
      type: "doc",
      content: [
        paragraph(
          text("Broadband grew"),
          {
            type: "footnote",
            content: [text("ITU, "), { ...text("Facts and Figures"), marks: [{ type: "italic" }] }],
          },
          text("quickly."),
        ),
      ],
    };
    expect(countDocument(doc)).toEqual({ words: 3, footnoteWords: 4 });
  });

  it("counts a citation as a footnote reference: it separates words and adds none to the body", () => {
    const doc: DocJSON = {
      type: "doc",
      content: [
        paragraph(
          text("Broadband grew"),
          { type: "citation", attrs: { sourceId: 7, excerpt: null, locator: null } },
          text("quickly."),
        ),
      ],
    };
    expect(countDocument(doc)).toEqual({ words: 3, footnoteWords: 0 });
  });

  it("separates words at a hard break", () => {
    const doc: DocJSON = {
      type: "doc",
      content: [paragraph(text("one"), { type: "hardBreak" }, text("two"))],
    };
    expect(countDocument(doc).words).toBe(2);
  });

  it("counts table and box captions and a cross-reference's number, as the export prints them", () => {
    const doc: DocJSON = {
      type: "doc",
      content: [
        paragraph(text("See para."), {
          type: "crossRef",
          attrs: { kind: "paragraph", target: "p" },
        }),
        {
          type: "table",
          attrs: { title: "Broadband users", source: "ITU.", note: "Estimates." },
          content: [
            {
              type: "tableRow",
              content: [{ type: "tableCell", content: [paragraph(text("2024"))] }],
            },
          ],
        },
        { type: "box", attrs: { title: "Open tools" }, content: [paragraph(text("DHIS2 here."))] },
      ],
    };
    // "See para. 23" 3; "Table 1" "Broadband users" "Source: ITU." "Note: Estimates." "2024" 9;
    // "Box 1" "Open tools" "DHIS2 here." 6.
    expect(countDocument(doc).words).toBe(18);
  });
});

describe("createDocumentCounter", () => {
  const doc: DocJSON = {
    type: "doc",
    content: [
      paragraph(text("First paragraph here.")),
      paragraph(text("Second"), { type: "footnote", content: [text("a note")] }),
      paragraph(text("Third one.")),
    ],
  };

  it("gives the same counts as countDocument from ProseMirror nodes, recounting only changed blocks", () => {
    const counter = createDocumentCounter();
    const node = schema.nodeFromJSON(doc);
    expect(counter.countNode(node)).toEqual(countDocument(doc));
    // Type into the last paragraph: the other blocks keep their identity and their cached count.
    const edited = node.replace(
      node.content.size - 1,
      node.content.size - 1,
      schema.nodeFromJSON({ type: "doc", content: [paragraph(text(" more words"))] }).slice(1, 12),
    );
    expect(edited.child(0)).toBe(node.child(0));
    expect(counter.countNode(edited)).toEqual(countDocument(edited.toJSON()));
    expect(counter.countNode(edited).words).toBe(8);
  });

  it("gives the same counts as countDocument from JSON, as blocks change", () => {
    const counter = createDocumentCounter();
    expect(counter.countJSON(doc)).toEqual({ words: 6, footnoteWords: 2 });
    const edited = {
      ...doc,
      content: [...(doc.content ?? []).slice(0, 2), paragraph(text("Third one, longer."))],
    };
    expect(counter.countJSON(edited)).toEqual(countDocument(edited));
    expect(counter.countJSON(doc)).toEqual(countDocument(doc));
  });
});
