// `rapporteur import --as-review` as a child process: a reviewed Word file of the whole report
// (the review copy, split back by its section headings) or of one section becomes suggestions
// and comment threads by the Word authors; the text is unchanged.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zipEntry } from "@rapporteur/docx/testing";
import { describe, expect, it } from "vitest";
import { reviewedDocx } from "../support/reviewedDocx";
import { runRapporteur } from "./runRapporteur";

const AMINA = "Amina Diallo (Senegal)";
const JON = "Jon Smith (Norway)";

describe("rapporteur import --as-review (no server)", () => {
  it("splits a reviewed review copy back into its sections, lists what cannot be placed, and leaves the text alone", async () => {
    const root = mkdtempSync(join(tmpdir(), "rapporteur-cli-review-"));
    const dataDir = join(root, "data");
    const cli = (...args: string[]) => runRapporteur(dataDir, args, { cwd: root });
    writeFileSync(join(root, "access.md"), "Broadband reached half of the world's people.\n");
    writeFileSync(join(root, "gov.md"), "The IGF met in Riyadh in December.\n");
    expect((await cli("import", "--section", "p1-access", "access.md")).code).toBe(0);
    expect((await cli("import", "--section", "p2-governance", "gov.md")).code).toBe(0);
    expect((await cli("export", "--format", "md", "--out", "before.md")).code).toBe(0);

    writeFileSync(
      join(root, "reviewed.docx"),
      await reviewedDocx(
        [
          ["Economic and Social Council", { del: " draft", author: JON }],
          ["B. Access and inclusion"],
          [
            "Broadband reached ",
            { del: "half", author: AMINA },
            { ins: "two thirds", author: AMINA },
            " of the world's people.",
          ],
          ["C. Issues of governance"],
          ["The IGF met in ", { commentStart: 1 }, "Riyadh", { commentEnd: 1 }, " in December."],
        ],
        [
          { id: 1, author: JON, text: "Add the dates." },
          { id: 2, author: AMINA, text: "15-19 December.", parent: 1 },
        ],
      ),
    );
    const run = await cli("import", "--as-review", "reviewed.docx");
    expect(run.stderr).toContain(`not placed (it is not inside any section of the outline`);
    expect(run.stdout).toContain("p1-access: 1 suggestion(s), 0 comment(s)");
    expect(run.stdout).toContain("p2-governance: 0 suggestion(s), 1 comment(s)");
    expect(run.code).toBe(0);

    // The review copy carries the threads by their Word authors; the text is as before.
    expect((await cli("export", "--format", "md", "--out", "after.md")).code).toBe(0);
    expect(readFileSync(join(root, "after.md"), "utf8")).toBe(
      readFileSync(join(root, "before.md"), "utf8"),
    );
    const copy = await cli("export", "--format", "docx", "--variant", "review", "--out", "r.docx");
    expect(copy.code).toBe(0);
    const comments = zipEntry(readFileSync(join(root, "r.docx")), "word/comments.xml") ?? "";
    expect(comments).toContain(AMINA);
    expect(comments).toContain(JON);
    expect(comments).toContain("Add the dates.");
  }, 120_000);

  it("refuses a Word file without review and a non-Word file, storing nothing", async () => {
    const root = mkdtempSync(join(tmpdir(), "rapporteur-cli-review-"));
    const dataDir = join(root, "data");
    const cli = (...args: string[]) => runRapporteur(dataDir, args, { cwd: root });
    writeFileSync(join(root, "plain.docx"), await reviewedDocx([["Nothing reviewed."]]));
    const plain = await cli("import", "--as-review", "--section", "p1-access", "plain.docx");
    expect(plain.code).not.toBe(0);
    expect(plain.stderr).toContain("no tracked changes and no comments");
    writeFileSync(join(root, "notes.md"), "# Notes\n");
    const md = await cli("import", "--as-review", "notes.md");
    expect(md.code).not.toBe(0);
    expect(md.stderr).toContain("reviewed Word file (.docx)");
  }, 60_000);
});
