import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hashPassword } from "@rapporteur/accounts";
import { CommentStore } from "@rapporteur/comments";
import { loadOutline, OutlineStore } from "@rapporteur/outline";
import { MIGRATIONS, migrate } from "@rapporteur/storage";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paragraphUpdate, RawCollabClient } from "../../apps/server/src/testing/RawCollabClient";
import { callApi } from "../support/callApi";
import { waitFor } from "../support/collabClient";
import {
  login,
  type ServerProcess,
  startServerProcess,
  TEST_ACCOUNTS,
} from "../support/serverProcess";

/** The newest migration of the release before report workspaces (no `reports` table yet). */
const PREVIOUS_RELEASE_SCHEMA = 18;

/**
 * A data directory as the previous release left it: its schema, accounts with their roles, the
 * seeded outline, a drafted section and a comment thread.
 */
async function previousReleaseData(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), "rapporteur-previous-"));
  const db = new Database(join(dataDir, "rapporteur.db"));
  db.pragma("journal_mode = WAL");
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= PREVIOUS_RELEASE_SCHEMA),
  );
  const insert = db.prepare(
    "INSERT INTO users (username, display_name, role, password_hash) VALUES (?, ?, ?, ?)",
  );
  insert.run("admin", "Admin", "editor", await hashPassword(TEST_ACCOUNTS.editor.password));
  insert.run(
    "drafter",
    "Drafter Dan",
    "drafter",
    await hashPassword(TEST_ACCOUNTS.drafter.password),
  );
  insert.run(
    "rita",
    "Reviewer Rita",
    "reviewer",
    await hashPassword(TEST_ACCOUNTS.reviewer.password),
  );
  new OutlineStore(db, loadOutline);
  db.prepare("INSERT INTO document_updates (doc, seq, data) VALUES (?, 1, ?)").run(
    "p1-access",
    Buffer.from(paragraphUpdate("Broadband reached most people by the end of the period")),
  );
  new CommentStore(db).createThread(
    {
      sectionId: "p1-access",
      anchor: { start: { item: { client: 1, clock: 0 } }, end: { item: { client: 1, clock: 5 } } },
      quote: "Broadband",
      text: "Which source?",
    },
    { id: 3, name: "Reviewer Rita" },
  );
  db.close();
  return dataDir;
}

describe("a single-report install upgraded to report workspaces", () => {
  let server: ServerProcess;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    server = await startServerProcess({ dataDir: await previousReleaseData() });
    cookies.admin = await login(server.url, "admin", TEST_ACCOUNTS.editor.password);
    cookies.drafter = await login(server.url, "drafter", TEST_ACCOUNTS.drafter.password);
    cookies.rita = await login(server.url, "rita", TEST_ACCOUNTS.reviewer.password);
  });
  afterAll(() => server?.stop());
  const api = (who: string, path: string) => callApi(server.url, cookies[who] ?? null, "GET", path);

  it("serves the existing data as the first report, at the old routes and at /api/reports/1", async () => {
    for (const prefix of ["", "/reports/1"]) {
      const report = await api("rita", `${prefix}/report`);
      expect(report.status).toBe(200);
      expect(report.body.sections.find((s: { id: string }) => s.id === "p1-access").words).toBe(10);
      const comments = await api("rita", `${prefix}/sections/p1-access/comments`);
      expect(comments.body.threads.map((t: { text: string }) => t.text)).toEqual(["Which source?"]);
    }
  });

  it("makes every account a member of the first report with the role it had", async () => {
    const list = await api("drafter", "/reports");
    expect(list.body.reports).toEqual([
      expect.objectContaining({
        id: 1,
        title: loadOutline().report.title,
        role: "drafter",
        first: true,
      }),
    ]);
    expect(list.body.mayCreate).toBe(false);
    expect((await api("admin", "/reports")).body.mayCreate).toBe(true);
    const members = await api("admin", "/reports/1/members");
    expect(
      members.body.members.map((m: { username: string; role: string }) => [m.username, m.role]),
    ).toEqual([
      ["admin", "editor"],
      ["drafter", "drafter"],
      ["rita", "reviewer"],
      // Made by the demo mode at this first start: an account made now is a member too.
      ["reviewer", "reviewer"],
    ]);
    // The account role keeps working as before: a reviewer cannot edit, an editor manages users.
    expect((await api("rita", "/sections/p1-access")).body.readOnly).toBe(true);
    expect((await api("admin", "/users")).status).toBe(200);
    expect((await api("drafter", "/users")).status).toBe(403);
  });

  it("opens the drafted section over collaboration, at both addresses", async () => {
    for (const path of ["p1-access", "1/p1-access"]) {
      const client = new RawCollabClient(
        `${server.url.replace(/^http/, "ws")}/collab/${path}`,
        cookies.drafter,
      );
      await client.opened;
      await waitFor(() => client.sawServerStep1, "the server's sync step 1");
      client.sendStep1();
      await waitFor(() => client.text().includes("Broadband reached"), "the stored text");
      client.close();
    }
  });
});
