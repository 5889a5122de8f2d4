import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { loadDocxTemplate, toDocx } from "@rapporteur/docx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pandocSummary, reportSummary } from "./exportSummary";
import { libreOfficePdf } from "./libreOfficePdf";
import { sampleReport } from "./sampleReport";

const run = promisify(execFile);

/** Reads a .docx with pandoc into its JSON AST. */
async function pandocRead(path: string) {
  const { stdout } = await run("pandoc", ["-f", "docx", "-t", "json", path], {
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(stdout) as Parameters<typeof pandocSummary>[0];
}

describe("the exported DOCX, checked by independent readers", () => {
  const dir = mkdtempSync(join(tmpdir(), "rapporteur-docx-"));
  const report = sampleReport({ words: 3_000, footnotes: 24, tables: 3, seed: 7 });
  const docx = join(dir, "report.docx");

  beforeAll(async () => {
    writeFileSync(docx, await toDocx(report, loadDocxTemplate()));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("converts to PDF with LibreOffice headless, masthead and Summary on page 1, contents on page 2", async () => {
    const pdf = await libreOfficePdf(docx, dir);
    expect(statSync(pdf).size).toBeGreaterThan(10_000);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    const { stdout: first } = await run("pdftotext", ["-f", "1", "-l", "1", "-layout", pdf, "-"]);
    expect(first).toContain("Economic and Social");
    expect(first).toContain("E/CN.16/2025/CRP.1");
    expect(first).toContain("Summary");
    // Page 1 holds the masthead and the Summary; the contents open page 2, and list every
    // chapter with its number before any field is updated.
    const { stdout: second } = await run("pdftotext", ["-f", "2", "-l", "2", "-layout", pdf, "-"]);
    expect(second).toContain("Contents");
    expect(second).toMatch(/I\.\s+Introduction/);
    expect(second).toMatch(/III\.\s+Where we stand today/);
  }, 120_000);

  it("reads back in pandoc with the same headings, paragraphs, footnotes and tables", async () => {
    const expected = reportSummary(report);
    const actual = pandocSummary(await pandocRead(docx));
    expect(expected.notes.length).toBe(24);
    expect(expected.tables.length).toBe(3);

    expect(actual.headings).toEqual(expected.headings);
    expect(actual.notes).toEqual(expected.notes);
    // The masthead is a table too; the report's tables follow it in order.
    expect(actual.tables.slice(1)).toEqual(expected.tables);
    // Front matter (masthead, title, contents) comes first; then exactly the report's paragraphs.
    const firstBody = actual.paragraphs.indexOf(expected.paragraphs[0]!);
    expect(firstBody).toBeGreaterThan(0);
    expect(actual.paragraphs.slice(firstBody)).toEqual(expected.paragraphs);
  }, 60_000);

  it("keeps the paragraph numbers running through the report as Word list numbering", async () => {
    const { numberedLists } = pandocSummary(await pandocRead(docx));
    const front = new Set(report.parts.filter((p) => p.frontMatter).map((p) => p.id));
    const bodyParagraphs = report.sections
      .filter((s) => !front.has(s.part))
      .flatMap((s) => s.doc.content ?? [])
      .filter((n) => n.type === "paragraph" && (n.content ?? []).length > 0).length;
    // Each run of numbered paragraphs (between headings, lists, tables) starts where the last ended.
    let next = 1;
    for (const list of numberedLists) {
      expect(list.start).toBe(next);
      next += list.items;
    }
    expect(next - 1).toBe(bodyParagraphs);
  }, 60_000);
});

describe("the 40,000-word sample report", () => {
  it("has the size of the real report and exports to a DOCX that pandoc reads whole", async () => {
    const report = sampleReport();
    const expected = reportSummary(report);
    const words = [...expected.headings, ...expected.paragraphs, ...expected.tables.flat(2)]
      .join(" ")
      .split(/\s+/)
      .filter(Boolean).length;
    expect(words).toBeGreaterThanOrEqual(40_000);
    expect(expected.notes).toHaveLength(300);
    expect(expected.tables).toHaveLength(20);

    const dir = mkdtempSync(join(tmpdir(), "rapporteur-docx-large-"));
    try {
      const path = join(dir, "large.docx");
      writeFileSync(path, await toDocx(report, loadDocxTemplate()));
      const actual = pandocSummary(await pandocRead(path));
      expect(actual.notes).toHaveLength(300);
      expect(actual.notes.at(-1)).toBe(expected.notes.at(-1));
      expect(actual.tables).toHaveLength(21);
      expect(actual.headings).toEqual(expected.headings);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
