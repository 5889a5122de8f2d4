import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { docArbitrary } from "./docArbitrary";
import { doc, h, italic, note, p, t } from "./docBuilders";
import type { MarkdownReport } from "./markdownReport";
import { normalizeDoc } from "./normalizeDoc";
import { reportFromMarkdown } from "./reportFromMarkdown";
import { reportToMarkdown } from "./reportToMarkdown";

const outline = {
  parts: [
    { id: "introduction", title: "Introduction" },
    { id: "part-1", title: "The record since WSIS" },
  ],
  sections: [
    { id: "intro-overview", title: "Overview of changes", part: "introduction" },
    { id: "p1-access", title: "Access and inclusion", part: "part-1" },
    { id: "p1-governance", title: "Digital governance", part: "part-1" },
  ],
};

const report: MarkdownReport = {
  title: "Twenty years of WSIS: progress, gaps",
  symbol: "E/CN.16/2025/CRP.1",
  date: "2025-03-12",
  parts: outline.parts,
  sections: [
    {
      ...outline.sections[0]!,
      doc: doc(p(t("Since 2005."), note(t("See "), t("WSIS", italic), t(".")))),
    },
    {
      ...outline.sections[1]!,
      doc: doc(h(3, t("Rural areas")), p(t("Coverage grew."), note(t("ITU.")))),
    },
    { ...outline.sections[2]!, doc: doc(p()) },
  ],
};

describe("whole report as one Markdown file", () => {
  it("writes front matter, parts as #, sections as ##, footnotes numbered across the report", () => {
    expect(reportToMarkdown(report)).toBe(
      [
        "---",
        'title: "Twenty years of WSIS: progress, gaps"',
        "symbol: E/CN.16/2025/CRP.1",
        "date: 2025-03-12",
        "---",
        "",
        "# Introduction",
        "",
        "## Overview of changes",
        "",
        "Since 2005.[^1]",
        "",
        "# The record since WSIS",
        "",
        "## Access and inclusion",
        "",
        "### Rural areas",
        "",
        "Coverage grew.[^2]",
        "",
        "## Digital governance",
        "",
        "[^1]: See *WSIS*.",
        "",
        "[^2]: ITU.",
        "",
      ].join("\n"),
    );
  });

  it("reads an exported report back into the same sections, and exports it the same", () => {
    const markdown = reportToMarkdown(report);
    const back = reportFromMarkdown(markdown, outline);
    expect(back.warnings).toEqual([]);
    expect(back).toMatchObject({ title: report.title, symbol: report.symbol, date: report.date });
    expect(back.sections).toEqual(report.sections.map((s) => ({ id: s.id, doc: s.doc })));
    const again = reportToMarkdown({
      ...report,
      sections: report.sections.map((s, i) => ({ ...s, doc: back.sections[i]!.doc })),
    });
    expect(again).toBe(markdown);
  });

  it("round-trips random section documents through the whole-report file", () => {
    fc.assert(
      fc.property(fc.array(docArbitrary, { minLength: 3, maxLength: 3 }), (docs) => {
        const random = {
          ...report,
          sections: report.sections.map((s, i) => ({ ...s, doc: docs[i]! })),
        };
        const markdown = reportToMarkdown(random);
        const back = reportFromMarkdown(markdown, outline);
        expect(back.warnings).toEqual([]);
        expect(back.sections.map((s) => s.doc)).toEqual(docs.map(normalizeDoc));
        const again = {
          ...random,
          sections: random.sections.map((s, i) => ({ ...s, doc: back.sections[i]!.doc })),
        };
        expect(reportToMarkdown(again)).toBe(markdown);
      }),
      { numRuns: 100 },
    );
    // A hundred random three-section reports: CPU-bound, slow on a shared machine.
  }, 180_000);

  it("matches titles loosely and reports unknown headings, stray content and missing sections", () => {
    const markdown = [
      "Preamble text.",
      "",
      "# introduction",
      "",
      "##   Overview OF changes",
      "",
      "Kept.",
      "",
      "# Annexes",
      "",
      "## Statistical annex",
      "",
      "Not imported.",
    ].join("\n");
    const back = reportFromMarkdown(markdown, outline);
    expect(back.sections).toEqual([{ id: "intro-overview", doc: doc(p(t("Kept."))) }]);
    expect(back.warnings).toEqual([
      "Line 1: paragraph outside any section is not imported.",
      'Line 9: "# Annexes" is not a part of the outline.',
      'Line 11: "## Statistical annex" is not a section of the outline: its content is not imported.',
      'Section "Access and inclusion" (p1-access) is not in the file.',
      'Section "Digital governance" (p1-governance) is not in the file.',
    ]);
  });
});
