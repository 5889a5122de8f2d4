import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { loadDocxTemplate, toDocx } from "@rapporteur/docx";
import { loadOutline } from "@rapporteur/outline";
import { assembleExportReport, documentSettingsDefaults } from "@rapporteur/report";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { libreOfficePdf } from "./libreOfficePdf";
import { sampleReport } from "./sampleReport";

const run = promisify(execFile);

/** The text of each page of a PDF, by pdftotext. */
async function pagesOf(pdf: string): Promise<string[]> {
  const { stdout } = await run("pdftotext", ["-layout", pdf, "-"], { maxBuffer: 64 << 20 });
  return stdout.split("\f").filter((page) => page.trim().length > 0);
}

describe("the first page and running heads, from the document settings, through LibreOffice", () => {
  const dir = mkdtempSync(join(tmpdir(), "rapporteur-first-page-"));
  const outline = loadOutline();
  const template = loadDocxTemplate();
  const sample = sampleReport({ words: 6_000, footnotes: 12, tables: 2, seed: 11 });
  const settings = {
    ...documentSettingsDefaults(outline, template),
    symbol: "E/CN.16/2025/3",
    issueDate: "2025-02-03",
    agendaItem: "Item 2 of the provisional agenda",
    agendaTitle: "Progress made in the implementation of and follow-up to the outcomes of WSIS",
    agendaSymbol: "E/CN.16/2025/1",
    jobNumber: "GE.25-01234(E)",
  };
  let pages: string[] = [];

  beforeAll(async () => {
    const report = await assembleExportReport(
      outline,
      async (id) => sample.sections.find((s) => s.id === id)!.doc,
      { date: "2026-12-07", settings },
    );
    const docx = join(dir, "report.docx");
    writeFileSync(docx, await toDocx(report, template));
    pages = await pagesOf(await libreOfficePdf(docx, dir));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints the symbol of the settings on every page", () => {
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toContain("E/CN.16/2025/3");
    });
  });

  it("prints the agenda item with its asterisk, its title and the note on page 1", () => {
    const first = pages[0]!;
    expect(first).toMatch(/Item 2 of the provisional agenda\*/);
    expect(first.replace(/\s+/g, " ")).toContain(
      "Progress made in the implementation of and follow-up to the outcomes of WSIS",
    );
    expect(first).toMatch(/^\s*\*\s+E\/CN\.16\/2025\/1\.\s*$/m);
  });

  it("prints the GE job number at the foot of page 1 only", () => {
    expect(pages[0]).toContain("GE.25-01234(E)");
    expect(pages.slice(1).some((page) => page.includes("GE.25-01234(E)"))).toBe(false);
  });

  it("dates the document with the settings' date of issue, not the export day", () => {
    expect(pages[0]).toContain("Distr.: General");
    expect(pages[0]).toContain("3 February 2025");
    expect(pages.join("\n")).not.toContain("7 December 2026");
  });

  it("puts the Summary before the contents, unnumbered, and numbers the body from 1", () => {
    const text = pages.slice(0, 3).join("\n");
    const summary = text.indexOf("Summary");
    const contents = text.indexOf("Contents");
    expect(summary).toBeGreaterThan(0);
    expect(contents).toBeGreaterThan(summary);
    const firstSummaryWords = (sample.sections[0]!.doc.content![0]!.content![0]!.text ?? "")
      .split(" ")
      .slice(0, 3)
      .join(" ");
    const at = text.indexOf(firstSummaryWords);
    expect(at).toBeGreaterThan(summary);
    expect(at).toBeLessThan(contents);
    // The first numbered paragraph is in chapter I, not the Summary.
    const body = pages.join("\n").slice(pages.join("\n").indexOf("Introduction", contents + 200));
    expect(body).toMatch(/^\s*1\.\s+\S/m);
  });
});
