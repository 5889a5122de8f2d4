import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matrixToDocx } from "./matrixToDocx";
import { matrixFixture } from "./testing/threadFixture";

describe("matrixToDocx", () => {
  const threads = matrixFixture();
  let docx: Uint8Array;
  let xml: string;
  let dir: string;
  beforeAll(async () => {
    docx = await matrixToDocx(threads, {
      title: "WSIS+20 review: comment/response matrix",
      sectionTitles: { "p1-context": "The changing context" },
    });
    const zip = await JSZip.loadAsync(docx);
    xml = await zip.file("word/document.xml")!.async("string");
    dir = mkdtempSync(join(tmpdir(), "rapporteur-matrix-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is a landscape A4 page with one table: a repeated header row and a row per thread", async () => {
    expect(xml.match(/<w:tr[ >]/g)).toHaveLength(threads.length + 1);
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1);
    expect(xml).toContain("<w:tblHeader/>");
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    const styles = await (await JSZip.loadAsync(docx)).file("word/styles.xml")!.async("string");
    expect(styles).toContain('w:ascii="Times New Roman"');
  });

  it("shows every thread and reply as text in Word (read back by pandoc)", () => {
    const path = join(dir, "matrix.docx");
    writeFileSync(path, docx);
    // Wide columns: pandoc must not wrap the cells' text across lines.
    const plain = execFileSync(
      "pandoc",
      ["-f", "docx", "-t", "plain", "--wrap=none", "--columns=1000", path],
      { encoding: "utf8" },
    );
    expect(plain).toContain("WSIS+20 review: comment/response matrix");
    expect(plain).toContain("The changing context");
    for (const thread of threads) {
      for (const line of thread.text.split("\n")) expect(plain).toContain(line);
      for (const reply of thread.replies) {
        for (const line of reply.text.split("\n")) expect(plain).toContain(line);
      }
    }
    // Markup stays text: the escaped characters are in Word's XML, not elements.
    expect(plain).toContain("<img src=x onerror=alert(1)>");
    expect(xml).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});
