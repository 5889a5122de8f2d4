import { describe, expect, it } from "vitest";
import { type CollabClient, waitFor } from "../support/collabClient";
import { serverSuite } from "../support/serverSuite";
import { writeParagraphs } from "./writeParagraphs";

// Accounts: see TEST_ACCOUNTS in tests/support/serverProcess.ts (admin = editor, drafter, reviewer).

describe("named versions", () => {
  const suite = serverSuite();
  const write = (client: CollabClient, ...texts: string[]) =>
    writeParagraphs(suite, client, ...texts);

  it("editors create and delete versions; everyone lists them; others get 403", async () => {
    for (const role of ["drafter", "reviewer"] as const) {
      const refused = await suite.api(role, "POST", "/versions", {
        name: "Not allowed",
      });
      expect(refused.status).toBe(403);
      expect(refused.body.error.id).toBe("editors_only");
    }
    const bad = await suite.api("editor", "POST", "/versions", { name: "" });
    expect(bad.status).toBe(400);
    const created = await suite.api("editor", "POST", "/versions", {
      name: "Progress report",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: "Progress report",
      by: { name: "Administrator" },
    });
    for (const role of ["drafter", "reviewer"] as const) {
      const list = await suite.api(role, "GET", "/versions");
      expect(list.status).toBe(200);
      expect(list.body).toEqual([created.body]);
    }
    const one = await suite.api("reviewer", "GET", `/versions/${created.body.id}`);
    expect(one.body.sections).toContain("p1-access");
    const refusedDelete = await suite.api("drafter", "DELETE", `/versions/${created.body.id}`);
    expect(refusedDelete.status).toBe(403);
    const deleted = await suite.api("editor", "DELETE", `/versions/${created.body.id}`);
    expect(deleted.status).toBe(204);
    expect((await suite.api("editor", "GET", "/versions")).body).toEqual([]);
    const gone = await suite.api("editor", "GET", `/versions/${created.body.id}`);
    expect(gone.status).toBe(404);
  });

  it("exports a version and restores a section and the whole report to it, live", async () => {
    const drafter = await suite.connectSynced("p1-access", "drafter");
    await write(drafter, "Access as discussed at the CSTD session");
    const version = await suite.api("editor", "POST", "/versions", {
      name: "Draft for the CSTD session",
    });
    expect(version.status).toBe(201);
    await write(drafter, "Access rewritten after the session");

    const exported = await suite.exportFile("reviewer", `format=md&version=${version.body.id}`);
    expect(exported.status).toBe(200);
    const markdown = exported.text;
    expect(markdown).toContain("Access as discussed at the CSTD session");
    expect(markdown).not.toContain("rewritten");

    const watcher = await suite.connectSynced("p1-access", "reviewer");
    const restored = await suite.api("drafter", "POST", "/sections/p1-access/restore", {
      version: version.body.id,
    });
    expect(restored.status).toBe(200);
    await waitFor(
      () => watcher.fragment.toString().includes("as discussed at the CSTD session"),
      "the restored section",
    );
    const history = await suite.api("reviewer", "GET", "/sections/p1-access/history");
    expect(history.body[0]).toMatchObject({ kind: "restore", authors: [{ name: "Demo Drafter" }] });
    expect(
      history.body.some(
        (e: { kind: string; name?: string }) =>
          e.kind === "version" && e.name === "Draft for the CSTD session",
      ),
    ).toBe(true);

    await write(drafter, "Access changed once more");
    const refused = await suite.api("drafter", "POST", `/versions/${version.body.id}/restore`);
    expect(refused.status).toBe(403);
    const all = await suite.api("editor", "POST", `/versions/${version.body.id}/restore`);
    expect(all.status).toBe(200);
    expect(all.body.restored).toEqual(["p1-access"]);
    await waitFor(
      () => watcher.fragment.toString().includes("as discussed at the CSTD session"),
      "the report restored to the version",
    );
  });

  it("restoring the report to a version puts back its text and its budget settings", async () => {
    const section = "p1-governance";
    const put = (path: string, body: unknown) => suite.api("editor", "PUT", path, body);
    const report = async () => (await suite.api("reviewer", "GET", "/report")).body;
    const budgetOf = (r: { sections: { id: string; budget: number }[] }) =>
      r.sections.find((s) => s.id === section)?.budget;
    const client = await suite.connectSynced(section, "drafter");
    await write(client, "Governance as the version has it");
    expect((await put("/budget", { targetRange: { min: 20_000, max: 25_000 } })).status).toBe(200);
    expect((await put(`/sections/${section}/budget`, { budget: 1_234 })).status).toBe(200);
    const version = await suite.api("editor", "POST", "/versions", { name: "Settings kept" });

    // Afterwards the text and the settings change.
    await write(client, "Governance rewritten after the version");
    await put("/budget", { targetRange: { min: 30_000, max: 40_000 }, footnotesCount: false });
    await put(`/sections/${section}/budget`, { budget: null });
    const changed = await report();
    expect(changed.targetRange).toEqual({ min: 30_000, max: 40_000 });
    expect(budgetOf(changed)).not.toBe(1_234);

    const restore = await suite.api("editor", "POST", `/versions/${version.body.id}/restore`);
    expect(restore.status).toBe(200);
    expect(restore.body).toMatchObject({ settings: true, outlineDiffers: false });
    expect(restore.body.restored).toContain(section);
    const restored = await report();
    expect(restored.targetRange).toEqual({ min: 20_000, max: 25_000 });
    expect(restored.footnotesCount).toBe(true);
    expect(budgetOf(restored)).toBe(1_234);
    await waitFor(
      () => client.fragment.toString().includes("Governance as the version has it"),
      "the section's text restored",
    );
    // Nothing left to restore: the same version again changes nothing.
    const again = await suite.api("editor", "POST", `/versions/${version.body.id}/restore`);
    expect(again.body).toEqual({
      restored: [],
      settings: false,
      documentSettings: false,
      outlineDiffers: false,
      outline: { archived: [], restored: [], changed: [], moved: false },
    });
  });
});
