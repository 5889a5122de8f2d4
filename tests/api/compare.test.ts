import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { zipEntry } from "@rapporteur/docx/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pandocSummary } from "../export/exportSummary";
import { type SuiteRole, serverSuite } from "../support/serverSuite";
import { writeParagraphs } from "./writeParagraphs";

// Accounts: see TEST_ACCOUNTS in tests/support/serverProcess.ts (admin = editor, drafter, reviewer).

const run = promisify(execFile);
const SECTION = "p1-access";

const KEPT = "Broadband reached two thirds of the world's people by 2024.";
const DELETED = "Mobile money opened accounts for the unbanked in East Africa.";
const LAST = "Gaps remain between and within countries.";
const INSERTED = "Community networks now serve remote villages in the Andes.";

describe("comparing versions as tracked changes", () => {
  const suite = serverSuite();
  const dir = mkdtempSync(join(tmpdir(), "rapporteur-compare-api-"));
  let drafterName = "";
  let first = 0;
  let second = 0;

  /** `role` replaces the section's text with `texts` and leaves once the server stored it. */
  const write = async (role: SuiteRole, ...texts: string[]) => {
    const client = await suite.connectSynced(SECTION, role);
    await writeParagraphs(suite, client, ...texts);
    client.destroy();
  };

  /**
   * What pandoc reads of a .docx (headings, paragraphs, notes), with its tracked changes accepted
   * or rejected. pandoc 2.17 does not apply changes to paragraph marks: a deleted paragraph stays
   * as an empty one, which pandocSummary leaves out (as tests/export/compareTrackChanges does).
   */
  const pandoc = async (bytes: Buffer, changes?: "accept" | "reject") => {
    const path = join(dir, `${Math.random().toString(36).slice(2)}.docx`);
    writeFileSync(path, bytes);
    const { stdout } = await run("pandoc", [
      "-f",
      "docx",
      "-t",
      "json",
      ...(changes ? [`--track-changes=${changes}`] : []),
      path,
    ]);
    const { headings, paragraphs, notes } = pandocSummary(JSON.parse(stdout));
    return { headings, paragraphs, notes };
  };

  beforeAll(async () => {
    drafterName = (await suite.api("drafter", "GET", "/auth/me")).body.user.displayName;
    await write("editor", KEPT, DELETED, LAST);
    const version = await suite.api("editor", "POST", "/versions", {
      name: "Before the drafter's pass",
    });
    expect(version.status).toBe(201);
    first = version.body.id;
    // The drafter deletes the second paragraph and inserts another after the last.
    await write("drafter", KEPT, LAST, INSERTED);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("Word: the drafter's deletion and insertion as w:del/w:ins under the drafter's name", async () => {
    const compared = await suite.exportFile(
      "drafter",
      `format=docx&compare=${first}&section=${SECTION}`,
    );
    expect(compared.status).toBe(200);
    expect(compared.headers.get("content-disposition")).toMatch(/-changes\.docx"/);
    const xml = zipEntry(compared.bytes, "word/document.xml") ?? "";
    const author = `w:author="${drafterName}"`;
    const del = [...xml.matchAll(/<w:del [^>]*>.*?<\/w:del>/gs)].map((m) => m[0]);
    const ins = [...xml.matchAll(/<w:ins [^>]*>.*?<\/w:ins>/gs)].map((m) => m[0]);
    const delText = del.filter((d) => d.includes("<w:delText")).join("");
    const insText = ins.join("");
    expect(delText).toContain("Mobile money opened accounts");
    expect(insText).toContain("Community networks now serve remote villages");
    for (const change of [...del, ...ins]) expect(change).toContain(author);
    expect(xml).not.toContain(`w:author="Rapporteur"`);

    // Accepting gives the text of now, rejecting the version's.
    const now = await suite.exportFile("editor", `format=docx&section=${SECTION}`);
    const then = await suite.exportFile(
      "editor",
      `format=docx&section=${SECTION}&version=${first}`,
    );
    const accepted = await pandoc(compared.bytes, "accept");
    const rejected = await pandoc(compared.bytes, "reject");
    expect(accepted).toEqual(await pandoc(now.bytes));
    expect(rejected).toEqual(await pandoc(then.bytes));
    expect(accepted.paragraphs).toContain(INSERTED);
    expect(accepted.paragraphs).not.toContain(DELETED);
    expect(rejected.paragraphs).toContain(DELETED);
    expect(rejected.paragraphs).not.toContain(INSERTED);
  });

  it("Markdown: CriticMarkup deletion and insertion; a reviewer may compare", async () => {
    const md = await suite.exportFile("reviewer", `format=md&compare=${first}&section=${SECTION}`);
    expect(md.status).toBe(200);
    expect(md.text).toMatch(/\{--[^}]*Mobile money opened accounts[^}]*--\}/);
    expect(md.text).toMatch(/\{\+\+[^}]*Community networks now serve remote villages[^}]*\+\+\}/);
    expect(md.text).toContain(KEPT);
    const docx = await suite.exportFile("reviewer", `format=docx&compare=${first}`);
    expect(docx.status).toBe(200);
  });

  it("the in-app view: the compared section as JSON with attributed changes", async () => {
    const view = await suite.api(
      "reviewer",
      "GET",
      `/sections/${SECTION}/compare?version=${first}`,
    );
    expect(view.status).toBe(200);
    expect(view.body.version).toMatchObject({ id: first, name: "Before the drafter's pass" });
    expect(view.body.to).toBeNull();
    const changes = view.body.changes as { kind: string; author: string; text: string }[];
    expect(changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "deletion", author: drafterName, text: DELETED }),
        expect.objectContaining({ kind: "insertion", author: drafterName, text: INSERTED }),
      ]),
    );
    expect(JSON.stringify(view.body.doc)).toContain(KEPT);
  });

  it("to=: between two versions; the second version's later edits are left out", async () => {
    const version = await suite.api("editor", "POST", "/versions", {
      name: "After the drafter's pass",
    });
    second = version.body.id;
    await write("editor", KEPT, LAST);
    const md = await suite.exportFile(
      "drafter",
      `format=md&compare=${first}&to=${second}&section=${SECTION}`,
    );
    expect(md.status).toBe(200);
    expect(md.text).toMatch(/\{--[^}]*Mobile money[^}]*--\}/);
    expect(md.text).toMatch(/\{\+\+[^}]*Community networks[^}]*\+\+\}/);
    const view = await suite.api(
      "drafter",
      "GET",
      `/sections/${SECTION}/compare?version=${first}&to=${second}`,
    );
    expect(view.body.to).toMatchObject({ id: second });
    for (const change of view.body.changes) expect(change.author).toBe(drafterName);
    // Since the second version, only the editor changed the section.
    const since = await suite.api(
      "drafter",
      "GET",
      `/sections/${SECTION}/compare?version=${second}`,
    );
    expect(since.body.changes).toEqual([
      expect.objectContaining({ kind: "deletion", author: "Administrator", text: INSERTED }),
    ]);
  });

  it("an unknown version is 404 version_not_found; to= without compare= is 400", async () => {
    for (const query of [
      `format=docx&compare=999999&section=${SECTION}`,
      `format=md&compare=${first}&to=999999`,
    ]) {
      const answer = await suite.exportFile("drafter", query);
      expect(answer.status).toBe(404);
      expect(JSON.parse(answer.text).error.id).toBe("version_not_found");
    }
    const view = await suite.api("drafter", "GET", `/sections/${SECTION}/compare?version=999999`);
    expect(view.status).toBe(404);
    expect(view.body.error.id).toBe("version_not_found");
    const bad = await suite.exportFile("drafter", `format=md&to=${first}`);
    expect(bad.status).toBe(400);
  });
});
