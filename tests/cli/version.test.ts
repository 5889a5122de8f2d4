// `rapporteur version create|list`: versions made on the command line (server stopped) are the
// web app's versions; listing works beside a running server, creating is refused there.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exportFile } from "../api/apiFiles";
import { callApi } from "../support/callApi";
import { loginAs, type ServerProcess, startServerProcess } from "../support/serverProcess";
import { runRapporteur } from "./runRapporteur";

describe("rapporteur version", () => {
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop();
  });

  it("creates a version from the stored sections, lists it, and the server serves it", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "rapporteur-cli-version-"));
    const cli = (args: string[]) => runRapporteur(dataDir, args, { cwd: dataDir });
    writeFileSync(join(dataDir, "draft.md"), "Access grew fast in the progress report.\n");
    const imported = await cli(["import", "--section", "p1-access", "draft.md"]);
    expect(imported.code, imported.stderr).toBe(0);

    const missing = await cli(["version", "create"]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("--name NAME");

    const created = await cli(["version", "create", "--name", "Progress report"]);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/Created version 1 "Progress report"/);

    const listed = await cli(["version", "list", "--json"]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([
      {
        id: 1,
        name: "Progress report",
        at: expect.any(String),
        by: { id: null, name: "command line" },
      },
    ]);

    server = await startServerProcess({ dataDir });
    const editor = await loginAs(server.url, "editor");
    const versions = await callApi(server.url, editor, "GET", "/versions");
    expect(versions.body.map((v: { name: string }) => v.name)).toEqual(["Progress report"]);
    // It kept the document settings in force (the defaults here: the outline's symbol).
    const settings = await callApi(server.url, editor, "GET", "/report/settings");
    const details = await callApi(server.url, editor, "GET", "/versions/1");
    expect(details.body).toMatchObject({
      settingsCaptured: true,
      documentSettings: { symbol: settings.body.settings.symbol },
    });
    const exported = await exportFile(server.url, editor, "format=md&version=1");
    expect(exported.text).toContain("Access grew fast in the progress report.");
    const history = await callApi(server.url, editor, "GET", "/sections/p1-access/history");
    expect(history.body.map((e: { kind: string }) => e.kind)).toEqual(["version", "import"]);

    // Beside the running server: listing works, creating is refused.
    const table = await cli(["version", "list"]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain("Progress report");
    const refused = await cli(["version", "create", "--name", "While running"]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("version create refused");
  }, 120_000);
});
