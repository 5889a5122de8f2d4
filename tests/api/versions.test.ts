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
});
