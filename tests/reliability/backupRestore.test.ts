// `pnpm rapporteur backup FILE` while a server runs and clients type, then `rapporteur restore
// FILE` into a new data directory and a server started on it: every section, comment, user and
// workflow status is back.
import { execFile } from "node:child_process";
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { callApi } from "../support/callApi";
import type { CollabClient } from "../support/collabClient";
import { connectCollabClient, randomEdit, seededRandom, waitFor } from "../support/collabClient";
import { integrityCheck, tableRowCounts } from "../support/databaseSnapshot";
import {
  login,
  loginAs,
  REPO_ROOT,
  type ServerProcess,
  startServerProcess,
} from "../support/serverProcess";

const SECTIONS = ["p1-access", "p2-equality", "p3-innovation"];

/** Runs `rapporteur <args>` (what `pnpm rapporteur` runs) on `dataDir`, without blocking. */
function rapporteur(
  dataDir: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "apps/cli/src/main.ts", ...args],
      { cwd: REPO_ROOT, env: { ...process.env, RAPPORTEUR_DATA: dataDir } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Whether `doc` holds everything in `updates`. */
function containsAll(doc: Y.Doc, updates: Uint8Array[]): boolean {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Buffer.from(Y.encodeStateVector(copy));
  const text = copy.getXmlFragment("default").toString();
  for (const update of updates) Y.applyUpdate(copy, update);
  const same =
    before.equals(Buffer.from(Y.encodeStateVector(copy))) &&
    text === copy.getXmlFragment("default").toString();
  copy.destroy();
  return same;
}

describe("backup while the server runs, restore into a new data directory", () => {
  const servers: ServerProcess[] = [];
  const clients: CollabClient[] = [];
  afterAll(async () => {
    for (const client of clients) client.destroy();
    for (const server of servers) await server.stop();
  });

  it("brings back every section, comment, user and workflow status", async () => {
    const source = await startServerProcess();
    servers.push(source);
    const editor = await loginAs(source.url, "editor");
    const drafter = await loginAs(source.url, "drafter");

    // An account, a workflow status and a comment, besides the typed sections.
    const created = await callApi(source.url, editor, "POST", "/users", {
      username: "dina",
      password: "dina-password-1",
      role: "drafter",
      displayName: "Dina Haddad",
    });
    expect(created.status).toBe(201);
    expect(
      (
        await callApi(source.url, drafter, "POST", "/sections/p1-context/status", {
          action: "submit",
        })
      ).status,
    ).toBe(200);

    // Two per section: each records what the server broadcast of the other's typing.
    const typists = SECTIONS.flatMap((section) => [
      connectCollabClient(source.url, section, { cookie: drafter }),
      connectCollabClient(source.url, section, { cookie: drafter }),
    ]);
    clients.push(...typists);
    await Promise.all(typists.map((t) => t.synced));
    const anchorText = new Y.XmlText("Universal and meaningful connectivity");
    const anchored = new Y.XmlElement("paragraph");
    anchored.insert(0, [anchorText]);
    typists[0]!.fragment.insert(0, [anchored]);
    const position = (index: number) =>
      Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(anchorText, index, -1));
    let comment: Awaited<ReturnType<typeof callApi>> | undefined;
    for (let attempt = 0; attempt < 50; attempt++) {
      comment = await callApi(source.url, drafter, "POST", "/sections/p1-access/comments", {
        anchor: { start: position(0), end: position(9) },
        text: "Cite the ITU figures here",
      });
      if (comment.status === 201 || comment.status === 200) break;
      // The anchor's paragraph may not have reached the server yet.
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect([200, 201], JSON.stringify(comment?.body)).toContain(comment?.status);

    let typing = true;
    const loops = typists.map(async (typist, i) => {
      const random = seededRandom(1_000 + i);
      while (typing) {
        randomEdit(typist.fragment, random, `b${i}w`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    });
    await waitFor(() => typists.every((t) => t.received.length > 30), "typing to reach the server");

    // The backup runs beside the server while the typists go on.
    const receivedBefore = typists.map((t) => t.received.slice());
    const backupFile = join(mkdtempSync(join(tmpdir(), "rapporteur-backup-")), "report.db");
    const backup = await rapporteur(source.dataDir, "backup", backupFile);
    expect(backup.code, backup.stderr).toBe(0);
    await waitFor(
      () => typists.every((t, i) => t.received.length > receivedBefore[i]!.length + 5),
      "typing to go on during and after the backup",
    );
    typing = false;
    await Promise.all(loops);
    const reportBefore = await callApi(source.url, editor, "GET", "/report");
    const commentsBefore = await callApi(source.url, editor, "GET", "/comments");
    const usersBefore = await callApi(source.url, editor, "GET", "/users");
    await source.stop();
    const rowsAtSource = tableRowCounts(source.dataDir);

    const dataDir = mkdtempSync(join(tmpdir(), "rapporteur-restored-"));
    const restore = await rapporteur(dataDir, "restore", backupFile);
    expect(restore.code, restore.stderr).toBe(0);
    expect(integrityCheck(dataDir)).toBe("ok");
    const restored = await startServerProcess({ dataDir });
    servers.push(restored);

    // Refused while a server holds the data directory, which keeps working.
    const refused = await rapporteur(dataDir, "restore", backupFile);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/in use by the server/);

    expect(await login(restored.url, "dina", "dina-password-1")).toMatch(/rapporteur_session=/);
    const editorAgain = await loginAs(restored.url, "editor");
    const users = await callApi(restored.url, editorAgain, "GET", "/users");
    expect(users.body).toEqual(usersBefore.body);
    const comments = await callApi(restored.url, editorAgain, "GET", "/comments");
    expect(comments.body).toEqual(commentsBefore.body);
    const report = await callApi(restored.url, editorAgain, "GET", "/report");
    const statuses = (body: { parts?: unknown }) =>
      JSON.stringify(body).match(/"status":"[a-z_]+"/g);
    expect(statuses(report.body)).toEqual(statuses(reportBefore.body));
    expect(JSON.stringify(report.body)).toContain('"status":"in_review"');

    for (const [s, section] of SECTIONS.entries()) {
      const reader = connectCollabClient(restored.url, section, { cookie: editorAgain });
      clients.push(reader);
      await reader.synced;
      for (const i of [2 * s, 2 * s + 1]) {
        expect(containsAll(reader.doc, receivedBefore[i]!), `${section} restored`).toBe(true);
      }
      expect(reader.fragment.length).toBeGreaterThan(0);
    }
    const rows = tableRowCounts(dataDir);
    console.log(
      `RELIABILITY: backupRestore backupBytes=${statSync(backupFile).size} ` +
        `sections=${SECTIONS.length} users=${rows.users} comments=${rows.comment_threads ?? 0} ` +
        `updatesCheckedAfterRestore=${receivedBefore.reduce((n, r) => n + r.length, 0)} ` +
        `sourceRows=${rowsAtSource.document_updates} restoredRows=${rows.document_updates}`,
    );
  }, 180_000);
});
