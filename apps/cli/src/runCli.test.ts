import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { yDocToJSON } from "@rapporteur/schema";
import { SqliteStore } from "@rapporteur/storage";
import { describe, expect, it } from "vitest";
import type { CliIo } from "./CliIo";
import { loadSectionDoc } from "./loadSectionDoc";
import { runCli } from "./runCli";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function workspace() {
  const cwd = mkdtempSync(join(tmpdir(), "rapporteur-cli-"));
  const run = async (...argv: string[]): Promise<Run> => {
    let stdout = "";
    let stderr = "";
    const io: CliIo = {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
      env: { RAPPORTEUR_DATA: "store" },
      cwd,
    };
    const code = await runCli(argv, io);
    return { code, stdout, stderr };
  };
  const dataDir = join(cwd, "store");
  const sectionJSON = async (id: string) => {
    const store = SqliteStore.open(dataDir);
    try {
      return JSON.stringify(yDocToJSON(await loadSectionDoc(store, id)));
    } finally {
      await store.close();
    }
  };
  return { cwd, dataDir, run, sectionJSON };
}

const DRAFT = `# Broadband access

Coverage **grew** in *most* regions.[^itu]

- rural areas
- small islands

| Region | Users |
|---|---|
| Africa | 37% |

<script>alert(1)</script>

[^itu]: ITU, *Facts and Figures 2024*.
`;

describe("rapporteur (command dispatch)", () => {
  it("prints help with every command and exits 0", async () => {
    const { run } = workspace();
    const result = await run("--help");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /import +fill a section from a Markdown, Word \(\.docx\), web page \(\.html\) or text \(\.txt\) file/,
    );
    expect(result.stdout).toMatch(/wordcount/);
    expect(result.stdout).toMatch(/RAPPORTEUR_DATA/);
    expect((await run("import", "--help")).stdout).toMatch(
      /Usage: rapporteur import --section ID FILE\.md/,
    );
  });

  it("exits 2 with the usage for no command, an unknown command or a bad option", async () => {
    const { run } = workspace();
    const cases: [string[], string][] = [
      [[], "<command>"],
      [["bogus"], "<command>"],
      [["import", "--sektion", "x", "a.md"], "import --section"],
      [["import", "a.md"], "import --section"],
      [["export", "--format", "odt", "--out", "x"], "export --format"],
      [["user", "add", "--username", "x", "--role", "boss"], "user add --username"],
      [["user", "remove"], "user <subcommand>"],
    ];
    for (const [argv, usage] of cases) {
      const result = await run(...argv);
      expect(result.code, argv.join(" ")).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`^rapporteur: .*\\n\\nUsage: rapporteur ${usage}`));
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe("rapporteur import", () => {
  it("fills a section from Markdown: the stored document shows the structure, warnings listed", async () => {
    const { cwd, run, sectionJSON } = workspace();
    writeFileSync(join(cwd, "draft.md"), DRAFT);
    const result = await run("import", "--section", "p1-access", "draft.md");
    expect(result.stderr).toBe("warning: Line 12: raw HTML dropped: <script>alert(1)</script>\n");
    expect(result.code).toBe(0);
    // 15 words of text and the printed label "Table 1" of the draft's table.
    expect(result.stdout).toMatch(
      /Imported draft\.md into "Access and inclusion" \(p1-access\): 17 words, 5 footnote words \(budget 2000\), 1 warning\(s\)\./,
    );
    const stored = await sectionJSON("p1-access");
    expect(stored).toMatch(/"type":"heading","attrs":\{[^}]*"level":3\}/);
    expect(stored).toContain('"type":"bulletList"');
    expect(stored).toContain('"type":"tableHeader"');
    expect(stored).toContain('"type":"footnote"');
    expect(stored).toContain('{"type":"text","marks":[{"type":"bold"}],"text":"grew"}');
    expect(stored).not.toContain("script");
  });

  it("replaces the previous content when importing again, and the counts follow", async () => {
    const { cwd, run, sectionJSON } = workspace();
    writeFileSync(join(cwd, "one.md"), "First version.");
    writeFileSync(join(cwd, "two.md"), "Second version, longer.");
    expect((await run("import", "--section", "p1-access", "one.md")).code).toBe(0);
    expect((await run("import", "--section", "p1-access", "two.md")).code).toBe(0);
    const stored = await sectionJSON("p1-access");
    expect(stored).toContain("Second version, longer.");
    expect(stored).not.toContain("First version");
    const counts = JSON.parse((await run("wordcount", "--json")).stdout);
    expect(counts.sections.find((s: { id: string }) => s.id === "p1-access")).toMatchObject({
      words: 3,
      footnoteWords: 0,
      budget: 2000,
    });
  });

  it("refuses while a running server holds the data directory, and changes nothing", async () => {
    const { cwd, dataDir, run, sectionJSON } = workspace();
    writeFileSync(join(cwd, "before.md"), "Before the server started.");
    writeFileSync(join(cwd, "draft.md"), DRAFT);
    expect((await run("import", "--section", "p1-access", "before.md")).code).toBe(0);
    const before = await sectionJSON("p1-access");
    // The init process (pid 1) is always alive: the lock looks held by a live server.
    writeFileSync(join(dataDir, "rapporteur.lock"), JSON.stringify({ pid: 1, owner: "server" }));
    const result = await run("import", "--section", "p1-access", "draft.md");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/import refused: .* is in use by the server \(process 1\)/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await sectionJSON("p1-access")).toBe(before);
  });

  it("refuses an unknown section id, listing the valid ones", async () => {
    const { cwd, run } = workspace();
    writeFileSync(join(cwd, "draft.md"), DRAFT);
    const result = await run("import", "--section", "p9-nowhere", "draft.md");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/unknown section 'p9-nowhere'. Valid section ids:/);
    expect(result.stderr).toMatch(/ {2}p1-access {2}\(Access and inclusion\)/);
  });

  it.each([
    ["a missing file", "missing.md", undefined, /missing\.md: no such file/],
    [
      "a binary file",
      "junk.md",
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]),
      /is a binary file/,
    ],
    [
      "a file that is not UTF-8",
      "latin1.md",
      Buffer.from("caf\xe9", "latin1"),
      /is not UTF-8 text/,
    ],
    [
      "a file over 5 MiB",
      "huge.md",
      Buffer.alloc(5 * 1024 * 1024 + 1, "a"),
      /the limit for a section is 5 MiB/,
    ],
    ["a directory", "folder.md", "dir", /is not a file/],
  ])("refuses %s without touching the data", async (_name, file, content, message) => {
    const { cwd, dataDir, run } = workspace();
    if (content === "dir") mkdirSync(join(cwd, file));
    else if (content) writeFileSync(join(cwd, file), content);
    const result = await run("import", "--section", "p1-access", file);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    // Refused before the data directory was even created.
    expect(existsSync(dataDir)).toBe(false);
  });
});

describe("rapporteur wordcount", () => {
  it("prints per-section counts, footnotes apart, with budgets and totals", async () => {
    const { cwd, run } = workspace();
    writeFileSync(join(cwd, "a.md"), "One two three.[^1]\n\n[^1]: A short note.");
    writeFileSync(join(cwd, "b.md"), "### Heading\n\nFour more words here.");
    await run("import", "--section", "intro-overview", "a.md");
    await run("import", "--section", "conclusion-summary", "b.md");
    const text = await run("wordcount");
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/ {2}intro-overview +3 +3 +1500 +0%/);
    expect(text.stdout).toMatch(/ {2}conclusion-summary +5 +0 +2000 +0%/);
    expect(text.stdout).toMatch(/Total +8 +3 +35000 +0%/);
    expect(text.stdout).toMatch(/Target 30000-40000 words: 29992 words short of the minimum\./);
    const json = JSON.parse((await run("wordcount", "--json")).stdout);
    expect(json.totals).toEqual({ words: 8, footnoteWords: 3, budget: 35000 });
    expect(json.targetRange).toEqual({ min: 30000, max: 40000 });
    expect(json.sections).toHaveLength(20);
  });

  it("counts while the server holds the lock (read-only), and never creates a database", async () => {
    const { cwd, dataDir, run } = workspace();
    const empty = await run("wordcount", "--json");
    expect(JSON.parse(empty.stdout).totals.words).toBe(0);
    expect(existsSync(dataDir)).toBe(false);
    writeFileSync(join(cwd, "a.md"), "Counted while locked.");
    await run("import", "--section", "p1-access", "a.md");
    writeFileSync(join(dataDir, "rapporteur.lock"), JSON.stringify({ pid: 1, owner: "server" }));
    const result = await run("wordcount", "--json");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).totals.words).toBe(3);
  });
});

describe("rapporteur export", () => {
  it("writes a section's Markdown atomically and says what it wrote", async () => {
    const { cwd, run } = workspace();
    writeFileSync(join(cwd, "a.md"), "Exported text.");
    await run("import", "--section", "p1-access", "a.md");
    const result = await run("export", "--format", "md", "--section", "p1-access", "--out", "x.md");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      `Wrote ${join(cwd, "x.md")} (15 bytes): section p1-access, 2 words, 0 footnote words.\n`,
    );
    expect(readFileSync(join(cwd, "x.md"), "utf8")).toBe("Exported text.\n");
    // Only the file itself: the temporary file was renamed onto it.
    expect(readdirSync(cwd).filter((name) => name.includes("x.md"))).toEqual(["x.md"]);
  });

  it("refuses a missing database, a missing folder and a Markdown 'variant'", async () => {
    const { cwd, run } = workspace();
    const noData = await run("export", "--format", "md", "--out", "r.md");
    expect(noData.code).toBe(1);
    expect(noData.stderr).toMatch(/No Rapporteur database in .*store: check RAPPORTEUR_DATA/);
    expect(existsSync(join(cwd, "r.md"))).toBe(false);
    const noFolder = await run("export", "--format", "md", "--out", "missing/r.md");
    expect(noFolder.code).toBe(1);
    expect(noFolder.stderr).toMatch(/the folder .*missing does not exist/);
    const variant = await run("export", "--format", "md", "--variant", "review", "--out", "r.md");
    expect(variant.code).toBe(2);
    expect(variant.stderr).toMatch(/--variant applies to Word and PDF exports only/);
  });
});
