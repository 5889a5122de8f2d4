// `rapporteur import` drops links to the app's own address (PORT, RAPPORTEUR_PUBLIC_ORIGIN), as
// paste and the HTTP import do: they mean nothing in the report.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runRapporteur } from "./runRapporteur";

describe("rapporteur import and the app's own links", () => {
  it("removes links to localhost:PORT (the app when run here), keeps other links and the text", async () => {
    const root = mkdtempSync(join(tmpdir(), "rapporteur-cli-links-"));
    const dataDir = join(root, "data");
    writeFileSync(
      join(root, "links.html"),
      '<p>See <a href="http://localhost:3000/sections/p1-access#fn1">note 1</a>, <a href="https://rapporteur.example.org/review">the review</a> and <a href="https://www.itu.int">the ITU</a>.</p>',
    );
    const imported = await runRapporteur(
      dataDir,
      ["import", "--section", "p1-access", "links.html"],
      { cwd: root },
    );
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain("warning: 1 link(s) to this app removed");
    const exported = await runRapporteur(
      dataDir,
      ["export", "--format", "md", "--section", "p1-access", "--out", "out.md"],
      { cwd: root },
    );
    expect(exported.code).toBe(0);
    const md = readFileSync(join(root, "out.md"), "utf8");
    expect(md).toContain(
      "See note 1, [the review](https://rapporteur.example.org/review) and [the ITU](https://www.itu.int).",
    );
  }, 60_000);
});
