import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { type ExportReport, loadDocxTemplate, toDocx } from "./index";

const template = loadDocxTemplate();
const para = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });

const report: ExportReport = {
  title: "Twenty years of WSIS",
  symbol: "E/CN.16/2025/3",
  date: "2025-02-14",
  masthead: { jobNumber: "GE.25-02345(E)", agendaSymbol: "E/CN.16/2025/1", advanceUnedited: true },
  parts: [
    { id: "front", title: "Summary", frontMatter: true },
    { id: "introduction", title: "Introduction" },
  ],
  sections: [
    {
      id: "summary",
      title: "Summary",
      part: "front",
      doc: { type: "doc", content: [para("In short.")] },
    },
    {
      id: "intro",
      title: "Overview",
      part: "introduction",
      doc: { type: "doc", content: [para("First.")] },
    },
  ],
};

async function parts(r: ExportReport) {
  const zip = await JSZip.loadAsync(await toDocx(r, template));
  const all = async (pattern: RegExp) =>
    (await Promise.all(zip.file(pattern).map((f) => f.async("string")))).join("\n");
  return {
    document: await all(/^word\/document\.xml$/),
    headers: await all(/^word\/header\d*\.xml$/),
    footers: await all(/^word\/footer\d*\.xml$/),
  };
}

/** The `w:p` element holding `text`. */
const paragraphWith = (xml: string, text: string) =>
  (xml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs) ?? []).find((p) => p.includes(text)) ?? "";

describe("front matter and the first page", () => {
  it("prints the Summary boxed before the contents, without a paragraph number", async () => {
    const { document } = await parts(report);
    const summary = paragraphWith(document, "In short.");
    expect(summary).toContain('w:val="SummaryTxt"');
    expect(summary).not.toContain("<w:numPr>");
    expect(document.indexOf("In short.")).toBeLessThan(document.indexOf(">Contents<"));
    // The body's first paragraph is numbered, and the Summary is no line of the contents.
    expect(paragraphWith(document, "First.")).toContain("<w:numPr>");
    const contents = (
      document.match(/<w:p>(?:(?!<\/w:p>).)*w:val="TOC[12]".*?<\/w:p>/gs) ?? []
    ).join("");
    expect(contents).toContain("Introduction");
    expect(contents).not.toContain("Summary");
  });

  it("puts the asterisk note and the job number at the foot of page 1, and the marking at its head", async () => {
    const { document, footers, headers } = await parts(report);
    expect(document).toContain("Item 3 of the provisional agenda*");
    expect(footers).toContain("E/CN.16/2025/1.");
    expect(footers).toContain("GE.25-02345(E)");
    expect(headers).toContain("Advance unedited version");
  });

  it("prints neither note, job number nor marking when the settings leave them out", async () => {
    const { footers, headers, document } = await parts({
      ...report,
      masthead: { agendaSymbol: "", jobNumber: "", advanceUnedited: false },
    });
    expect(document).not.toContain("provisional agenda*");
    expect(footers).not.toContain("GE.25");
    expect(headers).not.toContain("Advance unedited version");
  });
});
