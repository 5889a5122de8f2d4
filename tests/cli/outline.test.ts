// `rapporteur outline export|import`: the outline as YAML, round trip; an import that would make
// a section holding text vanish is refused; sections left out are archived, and the server and
// the CLI's own export and word count then follow the database's outline.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Outline, outlineToYaml, parseOutline } from "@rapporteur/outline";
import { afterAll, describe, expect, it } from "vitest";
import { callApi } from "../support/callApi";
import { loginAs, type ServerProcess, startServerProcess } from "../support/serverProcess";
import { runRapporteur } from "./runRapporteur";

describe("rapporteur outline", () => {
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop();
  });

  it("exports and imports the outline; refuses to drop a section with text; archives the others", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "rapporteur-cli-outline-"));
    const cli = (args: string[]) => runRapporteur(dataDir, args, { cwd: dataDir });
    writeFileSync(join(dataDir, "draft.md"), "Access grew fast in rural areas.\n");
    expect((await cli(["import", "--section", "p1-access", "draft.md"])).code).toBe(0);

    const exported = await cli(["outline", "export", "outline.yaml"]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/6 parts, 20 sections/);
    const text = readFileSync(join(dataDir, "outline.yaml"), "utf8");
    const outline = parseOutline(text);
    expect(outline.sections.map((s) => s.id)).toContain("p1-access");

    // Round trip: importing the export changes nothing; exporting again gives the same outline.
    expect((await cli(["outline", "import", "outline.yaml"])).code).toBe(0);
    expect((await cli(["outline", "export", "again.yaml"])).code).toBe(0);
    expect(parseOutline(readFileSync(join(dataDir, "again.yaml"), "utf8"))).toEqual(outline);

    // Leaving out p1-access (it holds text) is refused, naming it; nothing changes.
    const without: Outline = {
      ...outline,
      sections: outline.sections.filter((s) => s.id !== "p1-access"),
    };
    writeFileSync(join(dataDir, "without-access.yaml"), outlineToYaml(without));
    const refused = await cli(["outline", "import", "without-access.yaml"]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/outline import refused: .*p1-access \("[^"]+"\)/);
    expect((await cli(["outline", "export", "unchanged.yaml"])).code).toBe(0);
    expect(parseOutline(readFileSync(join(dataDir, "unchanged.yaml"), "utf8"))).toEqual(outline);

    // Renamed, reordered, one empty section left out: imported, the empty one archived.
    const access = {
      ...outline.sections.find((s) => s.id === "p1-access")!,
      title: "Access and inclusion, renamed",
      part: "front-matter",
    };
    const rest = outline.sections.filter((s) => s.id !== "p1-access" && s.id !== "p1-sectors");
    const edited: Outline = { ...outline, sections: [access, ...rest] };
    writeFileSync(join(dataDir, "edited.yaml"), outlineToYaml(edited));
    const imported = await cli(["outline", "import", "edited.yaml"]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain("archived (restorable): p1-sectors");

    // The CLI's word count and export follow the database's outline.
    const counted = await cli(["wordcount", "--json"]);
    const sections = JSON.parse(counted.stdout).sections as {
      id: string;
      title: string;
      words: number;
    }[];
    expect(sections[0]).toMatchObject({
      id: "p1-access",
      title: "Access and inclusion, renamed",
      words: 6,
    });
    expect(sections.map((s) => s.id)).not.toContain("p1-sectors");
    const md = await cli(["export", "--format", "md", "--out", "report.md"]);
    expect(md.code, md.stderr).toBe(0);
    expect(readFileSync(join(dataDir, "report.md"), "utf8")).toContain(
      "Access and inclusion, renamed",
    );

    // The server starts on it: the database, not content/outline.yaml, is the truth.
    server = await startServerProcess({ dataDir });
    const editor = await loginAs(server.url, "editor");
    const report = (await callApi(server.url, editor, "GET", "/report")).body;
    expect(report.sections[0]).toMatchObject({
      id: "p1-access",
      title: "Access and inclusion, renamed",
    });
    const archived = (await callApi(server.url, editor, "GET", "/outline/archived")).body.sections;
    expect(archived.map((s: { id: string }) => s.id)).toEqual(["p1-sectors"]);
    // Beside the running server, the outline commands are refused.
    const busy = await cli(["outline", "import", "outline.yaml"]);
    expect(busy.code).not.toBe(0);
    expect(busy.stderr).toContain("outline import refused");
  }, 120_000);
});
