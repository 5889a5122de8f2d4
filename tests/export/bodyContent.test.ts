import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { type ExportReport, loadDocxTemplate, toDocx } from "@rapporteur/docx";
import type { DocJSON } from "@rapporteur/schema";
import { afterAll, describe, expect, it } from "vitest";
import { pandocSummary, reportSummary } from "./exportSummary";
import { libreOfficePdf } from "./libreOfficePdf";

const run = promisify(execFile);

const text = (value: string): DocJSON => ({ type: "text", text: value });
const para = (value: string, attrs?: Record<string, unknown>): DocJSON => ({
  type: "paragraph",
  ...(attrs ? { attrs } : {}),
  content: [text(value)],
});
const ref = (kind: string, target: string): DocJSON => ({
  type: "crossRef",
  attrs: { kind, target },
});
const row = (...values: string[]): DocJSON => ({
  type: "tableRow",
  content: values.map((v) => ({ type: "tableCell", content: [para(v)] })),
});

/** A report whose second section cites paragraph "Broadband ..." and table and box 1. */
function report(paragraphsAbove: number): ExportReport {
  const above = Array.from({ length: paragraphsAbove }, (_, i) =>
    para(`Added paragraph ${i + 1}.`),
  );
  return {
    title: "Twenty years of WSIS",
    symbol: "E/CN.16/2025/CRP.1",
    date: "2025-03-12",
    parts: [
      { id: "introduction", title: "Introduction" },
      { id: "part-1", title: "The record since WSIS" },
    ],
    sections: [
      {
        id: "mandate",
        title: "Mandate",
        part: "introduction",
        doc: {
          type: "doc",
          content: [
            para("The Commission asked for this report."),
            ...above,
            para("Broadband reached most households by 2024.", { anchor: "p-broadband" }),
          ],
        },
      },
      {
        id: "access",
        title: "Access",
        part: "part-1",
        doc: {
          type: "doc",
          content: [
            {
              type: "paragraph",
              content: [
                text("As noted in para. "),
                ref("paragraph", "p-broadband"),
                text(", table "),
                ref("table", "t-subscriptions"),
                text(" and box "),
                ref("box", "b-goods"),
                text(", access grew."),
              ],
            },
            {
              type: "table",
              attrs: {
                anchor: "t-subscriptions",
                title: "Fixed broadband subscriptions per 100 inhabitants",
                source: "ITU, World Telecommunication Indicators database, 2024.",
                note: "Estimates for 2024.",
              },
              content: [
                row("Region", "2015", "2024"),
                row("Africa", "0.4", "1.1"),
                row("World", "11.2", "19.3"),
              ],
            },
            {
              type: "box",
              attrs: { anchor: "b-goods", title: "Digital public goods" },
              content: [para("Open-source tools serve ministries of health in 70 countries.")],
            },
            para("تقرير الأمين العام عن التقدم المحرز في تنفيذ نتائج القمة العالمية"),
            para("关于信息社会世界峰会成果落实进展情况的报告"),
          ],
        },
      },
    ],
  };
}

describe("tables, boxes, cross-references and languages in the exported DOCX", () => {
  const dir = mkdtempSync(join(tmpdir(), "rapporteur-body-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function pdfText(name: string, r: ExportReport): Promise<string> {
    const docx = join(dir, `${name}.docx`);
    writeFileSync(docx, await toDocx(r, loadDocxTemplate()));
    const pdf = await libreOfficePdf(docx, dir);
    const { stdout } = await run("pdftotext", ["-layout", pdf, "-"]);
    return stdout;
  }

  /** The number LibreOffice prints before a paragraph, and the one a reference shows. */
  const numberBefore = (pdf: string, paragraph: string) =>
    new RegExp(`(\\d+)\\.\\s+${paragraph}`).exec(pdf)?.[1];
  const citedNumber = (pdf: string) =>
    /As noted in para\. (\d+), table (\d+) and box (\d+)/.exec(pdf);

  it("prints Table 1 with its title and source, Box 1, and references equal to the numbers, also after paragraphs are added above", async () => {
    const before = await pdfText("before", report(0));
    expect(before).toMatch(/Table 1\s+Fixed broadband subscriptions per 100 inhabitants/);
    expect(before).toContain("Source: ITU, World Telecommunication Indicators database, 2024.");
    expect(before).toContain("Note: Estimates for 2024.");
    expect(before).toMatch(/Box 1\s+Digital public goods/);
    expect(numberBefore(before, "Broadband reached")).toBe("2");
    expect(citedNumber(before)?.slice(1)).toEqual(["2", "1", "1"]);

    const after = await pdfText("after", report(3));
    expect(numberBefore(after, "Broadband reached")).toBe("5");
    expect(citedNumber(after)?.[1]).toBe("5");
  }, 180_000);

  it("reads back in pandoc with the captions around the table and the box as a bordered table", async () => {
    const r = report(1);
    const docx = join(dir, "pandoc.docx");
    writeFileSync(docx, await toDocx(r, loadDocxTemplate()));
    const { stdout } = await run("pandoc", ["-f", "docx", "-t", "json", docx], {
      maxBuffer: 64 * 1024 * 1024,
    });
    const actual = pandocSummary(JSON.parse(stdout));
    const expected = reportSummary(r);
    expect(actual.headings).toEqual(expected.headings);
    // The masthead is a table too; the report's table and box follow it.
    expect(actual.tables.slice(1)).toEqual(expected.tables);
    const firstBody = actual.paragraphs.indexOf(expected.paragraphs[0]!);
    // References are fields: pandoc reads their current text ("para. 3").
    expect(actual.paragraphs.slice(firstBody)).toEqual(
      expected.paragraphs.map((p) =>
        p === "As noted in para. , table and box , access grew."
          ? "As noted in para. 3, table 1 and box 1, access grew."
          : p,
      ),
    );
  }, 60_000);

  it("marks the Arabic paragraph with w:lang and w:bidi and writes REF fields to bookmarks", async () => {
    const docx = join(dir, "xml.docx");
    writeFileSync(docx, await toDocx(report(0), loadDocxTemplate()));
    const { stdout: xml } = await run("unzip", ["-p", docx, "word/document.xml"], {
      maxBuffer: 64 * 1024 * 1024,
    });
    const arabic = xml.match(/<w:p>(?:(?!<\/w:p>).)*تقرير(?:(?!<\/w:p>).)*<\/w:p>/s)?.[0] ?? "";
    expect(arabic).toContain("<w:bidi/>");
    expect(arabic).toContain('<w:lang w:bidi="ar-SA"/>');
    expect(arabic).toContain("<w:rtl/>");
    const chinese = xml.match(/<w:p>(?:(?!<\/w:p>).)*关于(?:(?!<\/w:p>).)*<\/w:p>/s)?.[0] ?? "";
    expect(chinese).toContain('<w:lang w:eastAsia="zh-CN"/>');
    const refs = [...xml.matchAll(/REF (_RefA\d+)/g)].map((m) => m[1]);
    expect(refs).toHaveLength(3);
    for (const bookmark of refs) expect(xml).toContain(`w:name="${bookmark}"`);
  });
});
