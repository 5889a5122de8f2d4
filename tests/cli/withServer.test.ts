// The command line beside a running server on the same data directory: exports read what the
// server has stored (the same files as the HTTP export), imports are refused, accounts added by
// `rapporteur user` sign in through the API.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { findTextAnchor } from "@rapporteur/comments";
import { wordText, zipEntry } from "@rapporteur/docx/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { exportFile } from "../api/apiFiles";
import { callApi } from "../support/callApi";
import { type CollabClient, connectCollabClient, waitFor } from "../support/collabClient";
import { login, loginAs, type ServerProcess, startServerProcess } from "../support/serverProcess";
import { runRapporteur } from "./runRapporteur";

const TYPED = "Typed by a drafter a moment before the export.";

describe("rapporteur beside a running server", () => {
  let server: ServerProcess;
  let editor: string;
  const clients: CollabClient[] = [];
  const cli = (args: string[], stdin?: string) =>
    runRapporteur(server.dataDir, args, { cwd: server.dataDir, stdin });

  beforeAll(async () => {
    server = await startServerProcess();
    editor = await loginAs(server.url, "editor");
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
  });

  it("exports what a collaborator just typed: the same Markdown as the HTTP export, and the review copy with its comments", async () => {
    const writer = connectCollabClient(server.url, "p1-access", {
      cookie: await loginAs(server.url, "drafter"),
    });
    const watcher = connectCollabClient(server.url, "p1-access", { cookie: editor });
    clients.push(writer, watcher);
    await Promise.all([writer.synced, watcher.synced]);
    writer.doc.transact(() => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(TYPED)]);
      writer.fragment.push([paragraph]);
    });
    // The server broadcasts an update only once it is stored.
    await waitFor(() => watcher.fragment.toString().includes(TYPED), "the edit to be broadcast");

    const md = await cli(["export", "--format", "md", "--out", "report.md"]);
    expect(md.code, md.stderr).toBe(0);
    const exported = readFileSync(join(server.dataDir, "report.md"), "utf8");
    expect(exported).toContain(TYPED);
    expect(exported).toBe((await exportFile(server.url, editor, "format=md")).text);

    const reviewer = await loginAs(server.url, "reviewer");
    const thread = await callApi(server.url, reviewer, "POST", "/sections/p1-access/comments", {
      anchor: findTextAnchor(writer.doc, "a moment before"),
      text: "Which moment?",
    });
    expect(thread.status, JSON.stringify(thread.body)).toBe(201);
    const review = await cli([
      "export",
      "--format",
      "docx",
      "--variant",
      "review",
      "--section",
      "p1-access",
      "--out",
      "review.docx",
    ]);
    expect(review.code, review.stderr).toBe(0);
    const docx = readFileSync(join(server.dataDir, "review.docx"));
    expect(wordText(zipEntry(docx, "word/document.xml") ?? "")).toContain(TYPED);
    expect(wordText(zipEntry(docx, "word/comments.xml") ?? "")).toContain("Which moment?");

    const audit = await callApi(server.url, editor, "GET", "/audit?action=export");
    expect(audit.body.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actor: "cli", target: "markdown" }),
        expect.objectContaining({
          actor: "cli",
          target: "docx",
          detail: { variant: "review", sections: ["p1-access"] },
        }),
      ]),
    );
  });

  it("refuses to import while the server holds the data directory, and the section is unchanged", async () => {
    const before = (await exportFile(server.url, editor, "format=md&section=p1-access")).text;
    writeFileSync(join(server.dataDir, "draft.md"), "Replacement text.\n");
    const result = await cli(["import", "--section", "p1-access", "draft.md"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`import refused: .* is in use by the server \\(process ${server.child.pid}\\)`),
    );
    expect((await exportFile(server.url, editor, "format=md&section=p1-access")).text).toBe(before);
  });

  it("adds a user who can then sign in through the API; refuses bad roles, taken names and short passwords", async () => {
    const added = await cli(
      ["user", "add", "--username", "dina", "--role", "drafter", "--display-name", "Dina K."],
      "dina-password-1\n",
    );
    // Without --password-stdin: the password is never taken from the command line.
    expect(added.code).toBe(2);
    expect(added.stderr).toMatch(/--password-stdin is required/);
    const created = await cli(
      [
        "user",
        "add",
        "--username",
        "dina",
        "--role",
        "drafter",
        "--display-name",
        "Dina K.",
        "--password-stdin",
      ],
      "dina-password-1\n",
    );
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toBe("Created the drafter 'dina' (Dina K.).\n");
    const cookie = await login(server.url, "dina", "dina-password-1");
    const me = await callApi(server.url, cookie, "GET", "/auth/me");
    expect(me.body.user).toMatchObject({ username: "dina", role: "drafter" });

    const refusals: [string[], string, number, RegExp][] = [
      [["--username", "eve", "--role", "boss"], "eve-password-1", 2, /unknown role 'boss'/],
      [["--username", "dina", "--role", "reviewer"], "another-pass-1", 1, /'dina' is taken/],
      [["--username", "eve", "--role", "reviewer"], "short", 1, /5 characters; .* 10 to 1024/],
    ];
    for (const [args, password, code, message] of refusals) {
      const result = await cli(["user", "add", ...args, "--password-stdin"], password);
      expect(result.code, args.join(" ")).toBe(code);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    const list = await cli(["user", "list", "--json"]);
    expect(
      JSON.parse(list.stdout).map((u: { username: string; role: string }) => [u.username, u.role]),
    ).toEqual([
      ["admin", "editor"],
      ["dina", "drafter"],
      ["drafter", "drafter"],
      ["reviewer", "reviewer"],
    ]);

    expect((await cli(["user", "set-role", "--username", "dina", "--role", "reviewer"])).code).toBe(
      0,
    );
    expect((await callApi(server.url, cookie, "GET", "/auth/me")).body.user.role).toBe("reviewer");
    const reset = await cli(
      ["user", "set-password", "--username", "dina", "--password-stdin"],
      "dina-password-2",
    );
    expect(reset.code, reset.stderr).toBe(0);
    expect((await callApi(server.url, cookie, "GET", "/auth/me")).status).toBe(401);
    expect(await login(server.url, "dina", "dina-password-2")).toMatch(/rapporteur_session=/);

    const audit = await callApi(server.url, editor, "GET", "/audit");
    const byCli = audit.body.entries
      .filter((e: { actor: string }) => e.actor === "cli")
      .map((e: { action: string; target: string }) => `${e.action} ${e.target}`);
    expect(byCli).toEqual(
      expect.arrayContaining(["user_created dina", "role_changed dina", "password_reset dina"]),
    );
  }, 90_000);
});
