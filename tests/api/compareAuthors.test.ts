import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { zipEntry } from "../cli/docxText";
import { callApi } from "../support/callApi";
import { type CollabClient, connectCollabClient } from "../support/collabClient";
import { loginAs, type ServerProcess, startServerProcess } from "../support/serverProcess";
import { exportFile } from "./apiFiles";
import { writeParagraphs } from "./writeParagraphs";

// Accounts: see TEST_ACCOUNTS in tests/support/serverProcess.ts (admin = editor, drafter).

const SECTION = "p1-access";
const KEPT = "Broadband reached two thirds of the world's people by 2024.";
const DELETED = "Mobile money opened accounts for the unbanked in East Africa.";
const LAST = "Gaps remain between and within countries.";
const INSERTED = "Community networks now serve remote villages in the Andes.";

describe("a comparison of a section two people changed credits each change to its author", () => {
  let server: ServerProcess;
  const cookies = { editor: "", drafter: "" };
  const clients: CollabClient[] = [];
  const names = { editor: "", drafter: "" };
  let version = 0;

  const write = async (role: "editor" | "drafter", ...texts: string[]) => {
    const client = connectCollabClient(server.url, SECTION, { cookie: cookies[role] });
    clients.push(client);
    await client.synced;
    await writeParagraphs(server.url, cookies.editor, client, ...texts);
    client.destroy();
  };

  beforeAll(async () => {
    server = await startServerProcess();
    for (const role of ["editor", "drafter"] as const) {
      cookies[role] = await loginAs(server.url, role);
      names[role] = (
        await callApi(server.url, cookies[role], "GET", "/auth/me")
      ).body.user.displayName;
    }
    await write("editor", KEPT, DELETED, LAST);
    version = (await callApi(server.url, cookies.editor, "POST", "/versions", { name: "Draft" }))
      .body.id;
    // The drafter deletes the second paragraph; then the editor inserts one before the last.
    await write("drafter", KEPT, LAST);
    await write("editor", KEPT, INSERTED, LAST);
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
  });

  it("Word: the deletion under the drafter's name, the insertion under the editor's", async () => {
    const compared = await exportFile(
      server.url,
      cookies.drafter,
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
    const md = await exportFile(
      server.url,
      cookies.drafter,
      `format=md&compare=${version}&section=${SECTION}`,
    );
    expect(md.text).toContain(`{--${DELETED}--}{>>${names.drafter}<<}`);
    expect(md.text).toContain(`{++${INSERTED}++}{>>${names.editor}<<}`);
  });

  it("the app's compare view: each change with its own author", async () => {
    const view = await callApi(
      server.url,
      cookies.drafter,
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
