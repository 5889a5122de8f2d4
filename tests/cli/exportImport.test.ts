// `rapporteur import` and `rapporteur export` as child processes on a data directory, without a
// server: Markdown and Word drafts in, Word and Markdown files out, and the Markdown round trip.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { wordDraft, wordText, zipEntry } from "@rapporteur/docx/testing";
import { reportFromMarkdown, toMarkdown } from "@rapporteur/markdown";
import { loadOutline } from "@rapporteur/outline";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { zipBomb } from "../support/zipBomb";
import { runRapporteur } from "./runRapporteur";

const ACCESS = `# Broadband access

Coverage **grew** in *most* regions, as the [ITU](https://www.itu.int) reports.[^itu]

## Remaining gaps

- rural areas
- small islands

| Region | Users |
|---|---|
| Africa | 37% |

[^itu]: ITU, *Facts and Figures 2024*.
`;

const GOVERNANCE = `### Multistakeholder model

1. The IGF met in Riyadh.
2. The mandate was renewed.

> A quotation from the Tunis Agenda.

Closing paragraph with a note.[^1]

[^1]: See A/RES/70/125.
`;

function workspace() {
  const root = mkdtempSync(join(tmpdir(), "rapporteur-cli-test-"));
  const dataDir = join(root, "data");
  const file = (name: string, content?: string | Uint8Array) => {
    const path = join(root, name);
    if (content !== undefined) writeFileSync(path, content);
    return path;
  };
  const cli = (...args: string[]) => runRapporteur(dataDir, args, { cwd: root });
  return { root, dataDir, file, cli };
}

describe("rapporteur import and export (no server)", () => {
  it("exports the report as PDF through LibreOffice, with the document settings of the database", async () => {
    const { root, dataDir, file, cli } = workspace();
    expect((await cli("import", "--section", "p1-access", file("a.md", ACCESS))).code).toBe(0);
    // An editor's settings, as PUT /api/report/settings stores them.
    const db = new Database(join(dataDir, "rapporteur.db"));
    db.prepare("INSERT INTO document_settings (id, settings) VALUES (1, ?)").run(
      JSON.stringify({ jobNumber: "GE.25-07777(E)", symbol: "E/CN.16/2025/4" }),
    );
    db.close();
    const out = join(root, "report.pdf");
    const pdf = await cli("export", "--format", "pdf", "--out", out);
    expect(pdf.code, pdf.stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe("%PDF-");
    const { stdout } = await promisify(execFile)("pdftotext", ["-layout", out, "-"]);
    const [first] = stdout.split("\f");
    expect(first).toContain("E/CN.16/2025/4");
    expect(first).toContain("GE.25-07777(E)");
    expect(stdout).toContain("Broadband access");
  }, 120_000);

  it("imports Markdown and Word drafts, and exports the report and one section as Word and Markdown", async () => {
    const { root, dataDir, file, cli } = workspace();
    const md = await cli("import", "--section", "p1-access", file("access.md", ACCESS));
    expect(md.code, md.stderr).toBe(0);
    const word = await cli(
      "import",
      "--section",
      "p1-technology",
      file("tech.docx", await wordDraft("Mobile broadband reached most of the world.")),
    );
    expect(word.code, word.stderr).toBe(0);
    expect(word.stdout).toMatch(/Imported .*tech\.docx into .*\(p1-technology\): 9 words/);

    const whole = await cli("export", "--format", "docx", "--out", root);
    expect(whole.code, whole.stderr).toBe(0);
    // A directory gets the name of the web download, from the document symbol.
    const name = readdirSync(root).find((n) => n.endsWith(".docx") && n.startsWith("E-CN.16"));
    expect(name).toBeDefined();
    const path = join(root, name!);
    const bytes = readFileSync(path);
    // 21 words of Access and 9 of the Word draft, and the printed "Table 1" of Access's table.
    expect(whole.stdout).toBe(
      `Wrote ${path} (${bytes.length} bytes): 20 sections, 32 words, 5 footnote words.\n`,
    );
    const body = wordText(zipEntry(bytes, "word/document.xml") ?? "");
    expect(body).toContain("Access and inclusion");
    expect(body).toContain("Coverage grew in most regions, as the ITU reports.");
    expect(body).toContain("Mobile broadband reached most of the world.");
    expect(wordText(zipEntry(bytes, "word/footnotes.xml") ?? "")).toContain(
      "ITU, Facts and Figures 2024.",
    );

    const section = await cli(
      "export",
      "--format",
      "md",
      "--section",
      "p1-technology",
      "--out",
      "tech.md",
    );
    expect(section.code, section.stderr).toBe(0);
    expect(section.stdout).toMatch(/tech\.md \(\d+ bytes\): section p1-technology, 9 words/);
    expect(readFileSync(join(root, "tech.md"), "utf8")).toBe(
      "### From Word\n\nMobile broadband reached most of the world.\n",
    );

    // Every export is audited, as from the web app, with the actor 'cli'.
    const db = new Database(join(dataDir, "rapporteur.db"), { readonly: true });
    const audited = db
      .prepare("SELECT actor, target, detail FROM audit_log WHERE action = 'export' ORDER BY id")
      .all();
    db.close();
    expect(audited).toEqual([
      { actor: "cli", target: "docx", detail: '{"variant":"final"}' },
      { actor: "cli", target: "markdown", detail: '{"sections":["p1-technology"]}' },
    ]);
  });

  it("round-trips Markdown: sections, and the whole report, export the same after importing them again", async () => {
    const { root, file, cli } = workspace();
    const drafts = { "p1-access": ACCESS, "p2-governance": GOVERNANCE };
    const exportSection = async (id: string, name: string) => {
      const result = await cli("export", "--format", "md", "--section", id, "--out", name);
      expect(result.code, result.stderr).toBe(0);
      return readFileSync(join(root, name), "utf8");
    };
    for (const [id, draft] of Object.entries(drafts)) {
      expect((await cli("import", "--section", id, file(`${id}.md`, draft))).code).toBe(0);
      const first = await exportSection(id, `${id}-1.md`);
      expect((await cli("import", "--section", id, `${id}-1.md`)).code).toBe(0);
      expect(await exportSection(id, `${id}-2.md`), id).toBe(first);
    }

    const report = await cli("export", "--format", "md", "--out", "report.md");
    expect(report.code, report.stderr).toBe(0);
    const exported = readFileSync(join(root, "report.md"), "utf8");
    const read = reportFromMarkdown(exported, loadOutline());
    expect(read.warnings).toEqual([]);
    // Into a new data directory: each section read from the report file, imported on its own.
    const again = runRapporteurIn(mkdtempSync(join(tmpdir(), "rapporteur-cli-again-")), root);
    for (const { id, doc } of read.sections) {
      if (!doc.content?.some((node) => node.content)) continue;
      const imported = await again(
        "import",
        "--section",
        id,
        file(`again-${id}.md`, toMarkdown(doc)),
      );
      expect(imported.code, imported.stderr).toBe(0);
    }
    expect((await again("export", "--format", "md", "--out", "report-again.md")).code).toBe(0);
    expect(readFileSync(join(root, "report-again.md"), "utf8")).toBe(exported);
  }, 120_000);

  it("refuses a zip bomb, a truncated Word file, Markdown nested too deep and an unknown section, leaving the section unchanged", async () => {
    const { root, file, cli } = workspace();
    expect((await cli("import", "--section", "p1-access", file("a.md", ACCESS))).code).toBe(0);
    const whole = await wordDraft("A complete Word file.");
    const cases: [string[], RegExp][] = [
      [
        ["--section", "p1-access", file("bomb.docx", zipBomb(64))],
        /bomb\.docx cannot be imported: .*inflates/,
      ],
      [
        ["--section", "p1-access", file("cut.docx", whole.slice(0, Math.floor(whole.length / 2)))],
        /cut\.docx cannot be imported: .*incomplete/,
      ],
      [
        ["--section", "p1-access", file("deep.md", `${"> - 1. ".repeat(3_000)}deep\n`)],
        /deep\.md cannot be imported: The file nests lists\/quotes 9000 levels deep; at most 32 are supported\n/,
      ],
      [
        ["--section", "p9-nowhere", "a.md"],
        /unknown section 'p9-nowhere'. Valid section ids:\n {2}summary /,
      ],
    ];
    for (const [args, message] of cases) {
      const result = await cli("import", ...args);
      expect(result.code, args.join(" ")).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    expect(
      (await cli("export", "--format", "md", "--section", "p1-access", "--out", "after.md")).code,
    ).toBe(0);
    const after = readFileSync(join(root, "after.md"), "utf8");
    expect(after).toContain("Coverage **grew** in *most* regions");
    expect(after).not.toContain("A complete Word file");
  }, 120_000);
});

function runRapporteurIn(dataDir: string, cwd: string) {
  return (...args: string[]) => runRapporteur(dataDir, args, { cwd });
}
