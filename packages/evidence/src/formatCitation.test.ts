import { describe, expect, it } from "vitest";
import { emptySource } from "./emptySource";
import { type CitableSource, citationPlainText, formatCitation } from "./formatCitation";

function source(fields: Partial<CitableSource>): CitableSource {
  return { ...emptySource("document", ""), ...fields };
}

const CASES: { name: string; source: CitableSource; details?: object; text: string }[] = [
  {
    name: "a UN document by its symbol",
    source: source({
      title: "Progress made",
      organisation: "United Nations",
      symbol: "E/CN.16/2024/2",
    }),
    text: "E/CN.16/2024/2.",
  },
  {
    name: "a UN document with a locator",
    source: source({ title: "Report", symbol: "A/79/62" }),
    details: { locator: "para. 12" },
    text: "A/79/62, para. 12.",
  },
  {
    name: "a submission by its organisation and the year of its date",
    source: source({
      kind: "submission",
      title: "Submission 3",
      author: "Respondent 3",
      organisation: "Kenya ICT Action Network",
      date: "2/1/24 10:20:00",
    }),
    text: "Contribution of Kenya ICT Action Network to the CSTD WSIS+20 consultation, 2024.",
  },
  {
    name: "a submission without organisation by its respondent",
    source: source({ kind: "submission", title: "x", author: "Jane Doe", date: "2025-03-04" }),
    text: "Contribution of Jane Doe to the CSTD WSIS+20 consultation, 2025.",
  },
  {
    name: "a document with organisation, title, place, year and URL",
    source: source({
      kind: "literature",
      title: "Measuring Digital Development: Facts and Figures 2023",
      organisation: "International Telecommunication Union",
      date: "2023",
      url: "https://www.itu.int/facts",
      extra: { place: "Geneva" },
    }),
    text: "International Telecommunication Union, Measuring Digital Development: Facts and Figures 2023 (Geneva, 2023). Available at https://www.itu.int/facts.",
  },
  {
    name: "a document by its author, without place or URL",
    source: source({
      kind: "literature",
      title: "Internet governance paper 1",
      author: "Smith, Jane",
      date: "2011",
    }),
    text: "Smith, Jane, Internet governance paper 1 (2011).",
  },
  {
    name: "an excerpt quoted before the reference",
    source: source({ kind: "contribution", title: "National strategy", organisation: "Chile" }),
    details: { excerpt: "Schools and clinics come first.", locator: "p. 3" },
    text: "“Schools and clinics come first”, Chile, National strategy, p. 3.",
  },
];

describe("formatCitation (UN style)", () => {
  for (const c of CASES) {
    it(`formats ${c.name}`, () => {
      expect(citationPlainText(formatCitation(c.source, c.details))).toBe(c.text);
    });
  }

  it("puts the title of a document, and only it, in italics", () => {
    const runs = formatCitation(CASES[4]!.source);
    expect(runs.filter((run) => run.italic).map((run) => run.text)).toEqual([
      "Measuring Digital Development: Facts and Figures 2023",
    ]);
    expect(formatCitation(CASES[0]!.source).some((run) => run.italic)).toBe(false);
  });
});
