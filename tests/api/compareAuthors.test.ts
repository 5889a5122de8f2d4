import { zipEntry } from "@rapporteur/docx/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { serverSuite } from "../support/serverSuite";
import { writeParagraphs } from "./writeParagraphs";

// Accounts: see TEST_ACCOUNTS in tests/support/serverProcess.ts (admin = editor, drafter).

const SECTION = "p1-access";
const KEPT = "Broadband reached two thirds of the world's people by 2024.";
const DELETED = "Mobile money opened accounts for the unbanked in East Africa.";
const LAST = "Gaps remain between and within countries.";
const INSERTED = "Community networks now serve remote villages in the Andes.";

describe("a comparison of a section two people changed credits each change to its author", () => {
  const suite = serverSuite();
  const names = { editor: "", drafter: "" };
  let version = 0;

  const write = async (role: "editor" | "drafter", ...texts: string[]) => {
    const client = await suite.connectSynced(SECTION, role);
    await writeParagraphs(suite, client, ...texts);
    client.destroy();
  };

  // The editor writes and names a version; the drafter deletes a paragraph, the editor inserts one.
  beforeAll(async () => {
    for (const role of ["editor", "drafter"] as const) {
      names[role] = (await suite.api(role, "GET", "/auth/me")).body.user.displayName;
    }
    await write("editor", KEPT, DELETED, LAST);
    version = (await suite.api("editor", "POST", "/versions", { name: "Draft" })).body.id;
    await write("drafter", KEPT, LAST);
    await write("editor", KEPT, INSERTED, LAST);
  });

  it("Word: the deletion under the drafter's name, the insertion under the editor's", async () => {
    const compared = await suite.exportFile(
      "drafter",
      `format=docx&compare=${version}&section=${SECTION}`,
    );
    expect(compared.status).toBe(200);
    const xml = zipEntry(compared.bytes, "word/document.xml") ?? "";
    const changes = [...xml.matchAll(/<w:(ins|del) [^>]*w:author="([^"]*)"[^>]*>(.*?)<\/w:\1>/gs)];
    const textOf = (inner: string) =>
      [...inner.matchAll(/<w:(?:t|delText)[^>]*>([^<]*)</g)].map((m) => m[1]).join("");
    const deleted = changes.filter((m) => m[1] === "del" && textOf(m[3] ?? "") !== "");
    const inserted = changes.filter((m) => m[1] === "ins" && textOf(m[3] ?? "") !== "");
    expect(deleted.map((m) => textOf(m[3] ?? "")).join("")).toContain(DELETED);
    expect(inserted.map((m) => textOf(m[3] ?? "")).join("")).toContain(INSERTED);
    for (const m of deleted) expect(m[2]).toBe(names.drafter);
    for (const m of inserted) expect(m[2]).toBe(names.editor);
    expect(names.drafter).not.toBe(names.editor);
  });

  it("Markdown: each change followed by its own author", async () => {
    const md = await suite.exportFile("drafter", `format=md&compare=${version}&section=${SECTION}`);
    expect(md.text).toContain(`{--${DELETED}--}{>>${names.drafter}<<}`);
    expect(md.text).toContain(`{++${INSERTED}++}{>>${names.editor}<<}`);
  });

  it("the app's compare view: each change with its own author", async () => {
    const view = await suite.api(
      "drafter",
      "GET",
      `/sections/${SECTION}/compare?version=${version}`,
    );
    expect(view.status).toBe(200);
    expect(view.body.changes).toEqual([
      expect.objectContaining({ kind: "deletion", author: names.drafter, text: DELETED }),
      expect.objectContaining({ kind: "insertion", author: names.editor, text: INSERTED }),
    ]);
  });
});
