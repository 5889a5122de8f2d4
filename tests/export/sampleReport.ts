import type { ExportReport } from "@rapporteur/docx";
import { loadOutline } from "@rapporteur/outline";
import type { DocJSON } from "@rapporteur/schema";
import { seededRandom } from "../support/collabClient";

/** Size of a generated report. */
export interface SampleReportOptions {
  /** Words in paragraphs, headings, lists and tables (footnotes come on top); default 40,000. */
  words?: number;
  /** Footnotes, spread over the sections; default 300. */
  footnotes?: number;
  /** Tables, spread over the sections; default 20. */
  tables?: number;
  /** Seed of the generator: the same seed gives the same report. */
  seed?: number;
}

const VOCABULARY = (
  "digital development access broadband mobile networks connectivity inclusion women girls " +
  "rural communities least developed countries infrastructure investment policy regulation " +
  "governance multistakeholder cooperation capacity skills literacy data protection privacy " +
  "security trust platforms services innovation entrepreneurship small enterprises trade " +
  "education health agriculture finance payments identity public administration open source " +
  "standards interoperability spectrum satellites submarine cables affordability devices " +
  "content languages culture media information society summit action lines review progress " +
  "gaps targets indicators measurement statistics evidence research technology transfer " +
  "artificial intelligence cloud computing internet exchange points resilience environment " +
  "energy emissions waste sustainable goals partnerships financing mechanisms commission"
).split(" ");

const SITES = [
  "https://www.itu.int/en/ITU-D/Statistics",
  "https://unctad.org/topic/commission-on-science-and-technology-for-development",
  "https://www.un.org/techenvoy/global-digital-compact",
  "https://www.intgovforum.org",
];

/**
 * A deterministic report in the shape of the real one (the outline in `content/`), using every
 * node type and mark the editor can produce: sub-headings, emphasis, links, bulleted and nested
 * ordered lists, block quotes, line breaks, tables and footnotes with emphasis and links.
 * Shared by the export tests and the benchmarks.
 */
export function sampleReport(options: SampleReportOptions = {}): ExportReport {
  const words = options.words ?? 40_000;
  const footnotes = options.footnotes ?? 300;
  const tables = options.tables ?? 20;
  const random = seededRandom(options.seed ?? 2025);
  const outline = loadOutline();
  const sections = outline.sections;
  // The Summary (front matter) holds two plain paragraphs, as the real one does; the words,
  // notes and tables go to the body's sections.
  const front = new Set(outline.parts.filter((p) => p.frontMatter).map((p) => p.id));
  const body = sections.filter((s) => !front.has(s.part));
  const share = (total: number, index: number) =>
    Math.floor((total * (index + 1)) / body.length) - Math.floor((total * index) / body.length);

  let noteNumber = 0;
  let tableNumber = 0;
  const word = () => VOCABULARY[Math.floor(random() * VOCABULARY.length)]!;
  const phrase = (n: number) => Array.from({ length: n }, word).join(" ");
  const text = (value: string, marks?: DocJSON["marks"]): DocJSON =>
    marks ? { type: "text", text: value, marks } : { type: "text", text: value };
  const sentence = () => {
    return `${capitalised(phrase(8 + Math.floor(random() * 12)))}.`;
  };

  const footnote = (): DocJSON => {
    noteNumber += 1;
    const site = SITES[noteNumber % SITES.length]!;
    return {
      type: "footnote",
      content: [
        text(`Note ${noteNumber}: see `),
        text(`Measuring ${phrase(3)}`, [{ type: "italic" }]),
        text(", available at "),
        text(site, [{ type: "link", attrs: { href: site } }]),
        text("."),
      ],
    };
  };

  const build = (sectionIndex: number): DocJSON => {
    const budget = share(words, sectionIndex);
    const notes = share(footnotes, sectionIndex);
    const tableCount = share(tables, sectionIndex);
    const content: DocJSON[] = [];
    let used = 0;
    let notesLeft = notes;
    let tablesLeft = tableCount;
    let paragraphs = 0;
    const count = (value: string) => {
      used += value.split(/\s+/).filter(Boolean).length;
      return value;
    };
    const paragraph = (): DocJSON => {
      const inline: DocJSON[] = [];
      const sentences = 3 + Math.floor(random() * 4);
      for (let s = 0; s < sentences; s++) {
        const value = count(sentence());
        if (s === 1 && random() < 0.5) {
          const [first, ...rest] = value.split(" ");
          inline.push(text(`${first} `, [{ type: "bold" }]), text(`${rest.join(" ")} `));
        } else if (s === 2 && random() < 0.4) {
          inline.push(text(`${value} `, [{ type: "italic" }]));
        } else if (s === 3 && random() < 0.3) {
          const site = SITES[s % SITES.length]!;
          inline.push(
            text(`${value} `),
            text(count("the online portal"), [{ type: "link", attrs: { href: site } }]),
            text(" "),
          );
        } else {
          inline.push(text(`${value} `));
        }
      }
      // Trailing spaces would not survive a Word round trip: end on the full stop.
      const last = inline[inline.length - 1]!;
      if (last.text === " ") inline.pop();
      else last.text = last.text!.trimEnd();
      if (notesLeft > 0) {
        inline.push(footnote());
        notesLeft -= 1;
      }
      return { type: "paragraph", content: inline };
    };
    const table = (): DocJSON => {
      tableNumber += 1;
      const cell = (type: string, value: string): DocJSON => ({
        type,
        content: [{ type: "paragraph", content: [text(count(value))] }],
      });
      const header = {
        type: "tableRow",
        content: ["Region", "Indicator", "2015", "2024"].map((h) => cell("tableHeader", h)),
      };
      const rows = Array.from({ length: 4 }, (_, r) => ({
        type: "tableRow",
        content: [
          cell("tableCell", `Region ${tableNumber}.${r + 1}`),
          cell("tableCell", phrase(3)),
          cell("tableCell", String(10 + ((tableNumber * 7 + r * 13) % 80))),
          cell("tableCell", String(20 + ((tableNumber * 11 + r * 17) % 75))),
        ],
      }));
      return { type: "table", content: [header, ...rows] };
    };
    const listItem = (value: string, nested?: DocJSON): DocJSON => ({
      type: "listItem",
      content: [{ type: "paragraph", content: [text(count(value))] }, ...(nested ? [nested] : [])],
    });

    while (used < budget || notesLeft > 0 || tablesLeft > 0) {
      if (paragraphs % 5 === 0) {
        content.push({
          type: "heading",
          attrs: { level: paragraphs % 10 === 5 ? 4 : 3 },
          content: [text(count(capitalised(phrase(4))))],
        });
      }
      content.push(paragraph());
      paragraphs += 1;
      // Every section gets some of the other block types, whatever the size of the sample.
      if (paragraphs === 1 && sectionIndex % 3 !== 1) {
        content.push({
          type: "bulletList",
          content: [listItem(sentence()), listItem(sentence()), listItem(sentence())],
        });
      }
      if (paragraphs === 1 && sectionIndex % 3 !== 0) {
        content.push({
          type: "orderedList",
          content: [
            listItem(sentence()),
            listItem(sentence(), {
              type: "orderedList",
              content: [listItem(sentence()), listItem(sentence())],
            }),
            listItem(sentence()),
          ],
        });
      }
      if (paragraphs === 1 && sectionIndex % 3 === 0) {
        content.push({
          type: "blockquote",
          content: [
            {
              type: "paragraph",
              content: [text(count(sentence())), { type: "hardBreak" }, text(count(sentence()))],
            },
          ],
        });
      }
      if (tablesLeft > 0 && paragraphs % 2 === 0) {
        content.push(table());
        tablesLeft -= 1;
      }
    }
    return { type: "doc", content };
  };

  const summary = (): DocJSON => ({
    type: "doc",
    content: [0, 1].map(() => ({
      type: "paragraph",
      content: [text([sentence(), sentence(), sentence()].join(" "))],
    })),
  });

  return {
    title: outline.report.title,
    symbol: outline.report.symbol,
    date: "2025-03-12",
    parts: outline.parts.map(({ id, title, frontMatter }) => ({
      id,
      title,
      ...(frontMatter ? { frontMatter } : {}),
    })),
    sections: sections.map((s) => ({
      id: s.id,
      title: s.title,
      part: s.part,
      doc: front.has(s.part) ? summary() : build(body.indexOf(s)),
    })),
  };
}

function capitalised(value: string): string {
  return `${value.charAt(0).toUpperCase()}${value.slice(1)}`;
}
