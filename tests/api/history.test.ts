import { describe, expect, it } from "vitest";
import { type CollabClient, waitFor } from "../support/collabClient";
import { serverSuite } from "../support/serverSuite";
import { pollUntil } from "./apiFiles";
import { writeParagraphs } from "./writeParagraphs";

// Accounts: see TEST_ACCOUNTS in tests/support/serverProcess.ts (admin = editor, drafter, reviewer).

interface Entry {
  id: string;
  at: string;
  authors: { id: number; name: string }[];
  added: number;
  removed: number;
  kind: string;
}

describe("section history", () => {
  const suite = serverSuite({ env: { RAPPORTEUR_IDLE_UNLOAD_MS: "300" } });
  const history = async (sectionId: string): Promise<Entry[]> => {
    const answer = await suite.api("reviewer", "GET", `/sections/${sectionId}/history`);
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const write = (client: CollabClient, ...texts: string[]) =>
    writeParagraphs(suite, client, ...texts);

  it("lists a drafter's and an editor's edits as separate groups with their names and words", async () => {
    const drafter = await suite.connectSynced("p1-context", "drafter");
    await write(drafter, "Access grew fast in rural areas");
    const editor = await suite.connectSynced("p1-context", "editor");
    await write(editor, "Access grew fast in rural areas", "Women and girls remain offline");
    const entries = await pollUntil(
      () => history("p1-context"),
      (list) => list.length >= 2,
      "two groups",
    );
    expect(entries[0]).toMatchObject({
      kind: "edit",
      authors: [{ name: "Administrator" }],
      added: 5,
      removed: 0,
    });
    expect(entries[1]).toMatchObject({
      kind: "edit",
      authors: [{ name: "Demo Drafter" }],
      added: 6,
      removed: 0,
    });
    expect(Date.parse(entries[0]!.at)).toBeGreaterThanOrEqual(Date.parse(entries[1]!.at));
    // Each point shows its content, read-only.
    const point = await suite.api(
      "reviewer",
      "GET",
      `/sections/p1-context/history/${entries[1]!.id}`,
    );
    expect(point.status).toBe(200);
    expect(JSON.stringify(point.body.doc)).toContain("Access grew fast in rural areas");
    expect(JSON.stringify(point.body.doc)).not.toContain("Women and girls");
    drafter.destroy();
    editor.destroy();
  });

  it("restores a history point as a live change that a connected client sees, and records it", async () => {
    const drafter = await suite.connectSynced("p1-access", "drafter");
    await write(drafter, "First draft of the access section");
    const before = await history("p1-access");
    await write(drafter, "Second draft replaces the first entirely");
    const watcher = await suite.connectSynced("p1-access", "reviewer");
    expect(watcher.fragment.toString()).toContain("Second draft");
    const answer = await suite.api("drafter", "POST", "/sections/p1-access/restore", {
      history: before[0]!.id,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.undo.history).toMatch(/^p[0-9]+$/);
    await waitFor(
      () =>
        watcher.fragment.toString().includes("First draft") &&
        !watcher.fragment.toString().includes("Second draft"),
      "the reviewer's client to receive the restore",
    );
    const after = await history("p1-access");
    expect(after[0]).toMatchObject({ kind: "restore", authors: [{ name: "Demo Drafter" }] });
    // A restore is undone by restoring the point kept before it.
    const undo = await suite.api("drafter", "POST", "/sections/p1-access/restore", {
      history: answer.body.undo.history,
    });
    expect(undo.status).toBe(200);
    await waitFor(
      () => watcher.fragment.toString().includes("Second draft"),
      "the undo of the restore",
    );
  });

  it("refuses restores to reviewers and on locked sections (drafters), nothing changes", async () => {
    const editor = await suite.connectSynced("p2-overview", "editor");
    await write(editor, "Overview as approved");
    const [point] = await history("p2-overview");
    const reviewer = await suite.api("reviewer", "POST", "/sections/p2-overview/restore", {
      history: point!.id,
    });
    expect(reviewer.status).toBe(403);
    expect(reviewer.body.error.id).toBe("read_only");
    for (const action of ["submit", "approve"]) {
      const status = await suite.api("editor", "POST", "/sections/p2-overview/status", {
        action,
      });
      expect(status.status).toBe(200);
    }
    const locked = await suite.api("drafter", "POST", "/sections/p2-overview/restore", {
      history: point!.id,
    });
    expect(locked.status).toBe(403);
    expect(locked.body.error.id).toBe("read_only");
    const unknown = await suite.api("editor", "POST", "/sections/p2-overview/restore", {
      history: "p999999",
    });
    expect(unknown.status).toBe(404);
    expect((await history("p2-overview")).some((e) => e.kind === "restore")).toBe(false);
  });

  it("undoes an import by restoring the point kept before it", async () => {
    const drafter = await suite.connectSynced("p1-sectors", "drafter");
    await write(drafter, "Skills text written by hand");
    const imported = await suite.importFile(
      "drafter",
      "p1-sectors",
      "draft.md",
      "Imported text replaces everything\n",
    );
    expect(imported.status).toBe(200);
    await waitFor(() => drafter.fragment.toString().includes("Imported text"), "the import");
    const entries = await history("p1-sectors");
    expect(entries[0]).toMatchObject({ kind: "import", authors: [{ name: "Demo Drafter" }] });
    const undo = await suite.api("drafter", "POST", "/sections/p1-sectors/restore", {
      history: imported.body.undo.history,
    });
    expect(undo.status).toBe(200);
    await waitFor(
      () =>
        drafter.fragment.toString().includes("Skills text written by hand") &&
        !drafter.fragment.toString().includes("Imported text"),
      "the old text back",
    );
  });

  it("keeps the history through SIGKILL and restart", async () => {
    const drafter = await suite.connectSynced("p3-innovation", "drafter");
    await write(drafter, "Vision text before the crash");
    const before = await history("p3-innovation");
    expect(before.length).toBeGreaterThan(0);
    await suite.server.kill("SIGKILL");
    await suite.restart();
    const after = await history("p3-innovation");
    expect(after).toEqual(before);
    const point = await suite.api(
      "reviewer",
      "GET",
      `/sections/p3-innovation/history/${after[0]!.id}`,
    );
    expect(JSON.stringify(point.body.doc)).toContain("Vision text before the crash");
  });
});
