// `rapporteur export --compare VERSION [--to VERSION]`: the changes since a named version as
// Word tracked changes or CriticMarkup, from the data directory.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zipEntry } from "@rapporteur/docx/testing";
import { describe, expect, it } from "vitest";
import { runRapporteur } from "./runRapporteur";

describe("rapporteur export --compare", () => {
  it("writes the changes since a version (or between two) as w:ins/w:del and CriticMarkup", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "rapporteur-cli-compare-"));
    const cli = (args: string[]) => runRapporteur(dataDir, args, { cwd: dataDir });
    const draft = async (text: string) => {
      writeFileSync(join(dataDir, "draft.md"), text);
      const imported = await cli(["import", "--section", "p1-access", "draft.md"]);
      expect(imported.code, imported.stderr).toBe(0);
    };
    await draft("Broadband reached two thirds of people.\n\nMobile money spread in East Africa.\n");
    expect((await cli(["version", "create", "--name", "First"])).code).toBe(0);
    await draft("Broadband reached two thirds of people.\n\nCommunity networks serve the Andes.\n");
    expect((await cli(["version", "create", "--name", "Second"])).code).toBe(0);
    await draft("Broadband reached two thirds of people.\n");

    const md = await cli([
      "export",
      "--format",
      "md",
      "--compare",
      "1",
      "--section",
      "p1-access",
      "--out",
      "changes.md",
    ]);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toMatch(/changes since version 1/);
    const markdown = readFileSync(join(dataDir, "changes.md"), "utf8");
    expect(markdown).toMatch(/\{--[^}]*Mobile money spread in East Africa[^}]*--\}/);
    expect(markdown).not.toContain("Community networks");

    const docx = await cli([
      "export",
      "--format",
      "docx",
      "--compare",
      "1",
      "--to",
      "2",
      "--out",
      ".",
    ]);
    expect(docx.code, docx.stderr).toBe(0);
    const file = /Wrote (\S+-changes\.docx)/.exec(docx.stdout)?.[1] ?? "";
    const xml = zipEntry(readFileSync(file), "word/document.xml") ?? "";
    expect(xml).toMatch(/<w:del [^>]*w:author="[^"]+"[^>]*>.*?Mobile money spread/s);
    expect(xml).toMatch(/<w:ins [^>]*w:author="[^"]+"[^>]*>.*?Community networks serve/s);

    const unknown = await cli(["export", "--format", "md", "--compare", "9", "--out", "x.md"]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain("no version 9");
    const noCompare = await cli(["export", "--format", "md", "--to", "1", "--out", "x.md"]);
    expect(noCompare.code).not.toBe(0);
    expect(noCompare.stderr).toContain("--to VERSION needs --compare");
  }, 120_000);
});
