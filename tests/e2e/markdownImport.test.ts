import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, type ServerProcess, startServerProcess } from "../support/serverProcess";
import { editorText, launchBrowser, openSection, sidebarWords, signedInContext } from "./browser";

const SECTION = "p1-governance";

const MARKDOWN = `### Governance arrangements

The **Internet Governance Forum** was convened in 2006 and renewed in 2015.[^igf]

- multistakeholder participation;
- national and regional IGF initiatives.

See the [CSTD pages](https://unctad.org/topic/commission-on-science-and-technology-for-development).

[^igf]: General Assembly resolution 70/125.
`;

function runCli(args: string[], dataDir: string) {
  return spawnSync(process.execPath, ["--import", "tsx", "apps/cli/src/main.ts", ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, RAPPORTEUR_DATA: dataDir },
    encoding: "utf8",
  });
}

describe("importing Markdown with the command line", () => {
  let server: ServerProcess | undefined;
  let browser: Browser;
  let dataDir: string;
  let file: string;

  beforeAll(async () => {
    const work = mkdtempSync(join(tmpdir(), "rapporteur-import-"));
    file = join(work, "governance.md");
    writeFileSync(file, MARKDOWN);
    browser = await launchBrowser();
    server = await startServerProcess();
    dataDir = server.dataDir;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("refuses while the server holds the data, then imports once it is stopped", async () => {
    const refused = runCli(["import", "--section", SECTION, file], dataDir);
    expect(refused.status).not.toBe(0);
    expect(`${refused.stdout}${refused.stderr}`).toMatch(/server|lock|running/i);

    await server?.stop();
    const imported = runCli(["import", "--section", SECTION, file], dataDir);
    expect(imported.status, `${imported.stdout}${imported.stderr}`).toBe(0);
    server = await startServerProcess({ dataDir });
  });

  it("shows the imported section in the browser with its structure", async () => {
    if (!server) throw new Error("server not running");
    const context = await signedInContext(browser, server.url, "drafter");
    const page = await openSection(context, server.url, SECTION);
    const editor = editorText(page);
    await expect.poll(() => editor.locator("h3").textContent()).toBe("Governance arrangements");
    expect(await editor.locator("strong").textContent()).toBe("Internet Governance Forum");
    expect(await editor.locator("ul > li").allTextContents()).toEqual([
      "multistakeholder participation;",
      "national and regional IGF initiatives.",
    ]);
    expect(await editor.locator("a").getAttribute("href")).toBe(
      "https://unctad.org/topic/commission-on-science-and-technology-for-development",
    );
    expect(await editor.locator(".footnote-ref").getAttribute("title")).toBe(
      "Footnote 1: General Assembly resolution 70/125.",
    );
    // The server counted the imported words too.
    await expect.poll(() => sidebarWords(page, SECTION)).toBeGreaterThan(20);
    await context.close();
  });
});
