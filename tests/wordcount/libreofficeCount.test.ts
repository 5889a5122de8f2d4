import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ExportReport, loadDocxTemplate, toDocx } from "@rapporteur/docx";
import { fromMarkdown } from "@rapporteur/markdown";
import type { DocJSON } from "@rapporteur/schema";
import { countDocument } from "@rapporteur/wordcount";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleReport } from "../export/sampleReport";
import { type LibreOfficeReading, labelledParagraphs, readWithLibreOffice } from "./libreOffice";
import { TRICKY_DOCUMENTS } from "./trickyDocuments";

// How LibreOffice's figure for a section is obtained. The exported DOCX holds more than the
// section's text: masthead, title, contents, chapter and section headings, running heads. So
// each section is exported alone, in a one-section report with neutral titles, and the count of
// the same report with the section empty is subtracted. LibreOffice also counts every list label
// ("1." of the numbered paragraphs, "(a)", "•", the number of a sub-heading) as a word; labels
// are numbering, not text, so one word per labelled paragraph (read from document.xml) is
// subtracted too. Totals are done the same way: the whole report minus the whole report with
// every section empty, minus the labels. Our figure is countDocument's words + footnoteWords
// (LibreOffice counts footnote text). LibreOffice's plain-text export (txt:Text) was tried as a
// second reading and dropped: it leaves out the footnotes and running heads that its own count
// includes, so the two cannot be compared.

const EMPTY: DocJSON = { type: "doc", content: [] };
const TOLERANCE = 0.01;

const alone = (doc: DocJSON): ExportReport => ({
  title: "Report",
  symbol: "E/CN.16/2025/CRP.1",
  date: "2025-04-07",
  parts: [{ id: "part", title: "Part" }],
  sections: [{ id: "section", title: "Section", part: "part", doc }],
});

const emptied = (report: ExportReport): ExportReport => ({
  ...report,
  sections: report.sections.map((s) => ({ ...s, doc: EMPTY })),
});

const ours = (doc: DocJSON) => {
  const count = countDocument(doc);
  return count.words + count.footnoteWords;
};

interface Figure {
  name: string;
  ours: number;
  libreOffice: number;
}

describe("our word counts against LibreOffice's count of the exported DOCX", () => {
  const dir = mkdtempSync(join(tmpdir(), "rapporteur-lo-count-"));
  const files: string[] = [];
  const add = async (name: string, report: ExportReport) => {
    const path = join(dir, `${name}.docx`);
    writeFileSync(path, await toDocx(report, loadDocxTemplate()));
    files.push(path);
    return path;
  };
  let readings = new Map<string, LibreOfficeReading>();

  const tricky = TRICKY_DOCUMENTS.map(({ name, markdown }) => ({
    name,
    doc: fromMarkdown(markdown).doc,
  }));
  const trickyReport: ExportReport = {
    ...alone(EMPTY),
    sections: tricky.map((t, i) => ({ id: `s${i}`, title: t.name, part: "part", doc: t.doc })),
  };
  const sample = sampleReport({ words: 8_000, footnotes: 40, tables: 4, seed: 11 });

  beforeAll(async () => {
    await add("baseline", alone(EMPTY));
    for (const [i, t] of tricky.entries()) await add(`tricky-${i}`, alone(t.doc));
    await add("tricky-all", trickyReport);
    await add("tricky-all-empty", emptied(trickyReport));
    for (const [i, s] of sample.sections.entries()) await add(`sample-${i}`, alone(s.doc));
    await add("sample-all", sample);
    await add("sample-all-empty", emptied(sample));
    readings = await readWithLibreOffice(dir, files);
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** LibreOffice's words of `name`'s sections: its count less `empty`'s, less list labels. */
  const libreOfficeWords = async (name: string, empty: string) => {
    const full = join(dir, `${name}.docx`);
    const base = join(dir, `${empty}.docx`);
    const labels = (await labelledParagraphs(full)) - (await labelledParagraphs(base));
    return readings.get(full)!.words - readings.get(base)!.words - labels;
  };

  const report = (title: string, figures: Figure[]) => {
    const rows = figures.map((f) => ({
      ...f,
      difference: `${(((f.ours - f.libreOffice) / f.libreOffice) * 100).toFixed(2)}%`,
    }));
    console.log(`\n${title}`);
    console.table(rows);
    for (const f of figures) {
      expect(f.libreOffice, f.name).toBeGreaterThan(0);
      expect(Math.abs(f.ours - f.libreOffice) / f.libreOffice, f.name).toBeLessThanOrEqual(
        TOLERANCE,
      );
    }
  };

  it("agrees within 1% per section and in total on tricky text", async () => {
    const figures: Figure[] = [];
    for (const [i, t] of tricky.entries()) {
      figures.push({
        name: t.name,
        ours: ours(t.doc),
        libreOffice: await libreOfficeWords(`tricky-${i}`, "baseline"),
      });
    }
    figures.push({
      name: "total",
      ours: tricky.reduce((sum, t) => sum + ours(t.doc), 0),
      libreOffice: await libreOfficeWords("tricky-all", "tricky-all-empty"),
    });
    report("Tricky text: our count vs LibreOffice's", figures);
  });

  it("agrees within 1% per section and in total on the sample report", async () => {
    const figures: Figure[] = [];
    for (const [i, s] of sample.sections.entries()) {
      figures.push({
        name: s.id,
        ours: ours(s.doc),
        libreOffice: await libreOfficeWords(`sample-${i}`, "baseline"),
      });
    }
    figures.push({
      name: "total",
      ours: sample.sections.reduce((sum, s) => sum + ours(s.doc), 0),
      libreOffice: await libreOfficeWords("sample-all", "sample-all-empty"),
    });
    report("Sample report (8,000 words): our count vs LibreOffice's", figures);
  });
});
