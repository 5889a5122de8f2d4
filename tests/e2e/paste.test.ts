import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { apiHeaders, loginAs, REPO_ROOT } from "../support/serverProcess";
import { editorText, focusEndOfText, openSection } from "./browser";
import { pasteInto } from "./pasteInto";
import { contextFor, useBrowserSuite } from "./useBrowserSuite";

const FIXTURES = join(REPO_ROOT, "packages/html-import/fixtures");

// Each fixture goes into its own section, by paste (browser) and by the command line (same file).
const CASES = [
  { file: "word-windows.html", section: "p1-context" },
  { file: "word-mac.html", section: "p1-technology" },
  { file: "google-docs.html", section: "p1-ecosystem" },
  { file: "libreoffice.html", section: "p1-access" },
  { file: "web-footnotes.html", section: "p1-sectors" },
  { file: "hard-wrapped.txt", section: "intro-overview" },
  { file: "markdown-as-text.txt", section: "intro-outcomes" },
];

function plainTextOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function cli(args: string[], dataDir: string) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "apps/cli/src/main.ts", ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, RAPPORTEUR_DATA: dataDir },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`${args.join(" ")}: ${result.stdout}${result.stderr}`);
  return result;
}

describe("paste from Word, Google Docs, LibreOffice, web pages and PDFs", () => {
  const suite = useBrowserSuite();
  const cliData = mkdtempSync(join(tmpdir(), "rapporteur-paste-cli-"));
  let cookie: string;

  async function exportedMarkdown(section: string): Promise<string> {
    cookie ??= await loginAs(suite.url, "editor");
    const response = await fetch(`${suite.url}/api/export?format=md&section=${section}`, {
      headers: apiHeaders(suite.url, cookie),
    });
    expect(response.status).toBe(200);
    return response.text();
  }

  for (const { file, section } of CASES) {
    it(`${file}: the pasted section equals the command line's import of the same file`, async () => {
      const source = readFileSync(join(FIXTURES, file), "utf8");
      // The fixtures link to the app at localhost:3000, which the command line treats as the app's
      // own address; in the browser the app's address is the test server's, so paste that one.
      const pasted = source.replaceAll("http://localhost:3000", suite.url);
      const context = await contextFor(suite, "drafter");
      const page = await openSection(context, suite.url, section);
      await focusEndOfText(page);
      await pasteInto(
        page,
        file.endsWith(".txt")
          ? { "text/plain": pasted }
          : { "text/html": pasted, "text/plain": plainTextOf(pasted) },
      );
      cli(["import", "--section", section, join(FIXTURES, file)], cliData);
      const out = join(cliData, `${section}.md`);
      cli(["export", "--format", "md", "--section", section, "--out", out], cliData);
      const expected = readFileSync(out, "utf8");
      await expect.poll(() => exportedMarkdown(section), { timeout: 10_000 }).toBe(expected);
      if (file.startsWith("word")) expect(expected).toMatch(/\[\^1\]: /);
      await context.close();
    });
  }

  it("drops links to the app itself and says what was not kept, without blocking", async () => {
    const context = await contextFor(suite, "drafter");
    const page = await openSection(context, suite.url, "p1-governance");
    await focusEndOfText(page);
    const html = `<p>See <a href="${suite.url}/sections/p1-access#fn1">our section</a>, <a href="https://un.org">the UN</a><img src="https://tracker.example/x.png"><script>alert(1)</script>.</p>`;
    await pasteInto(page, { "text/html": html, "text/plain": "See our section, the UN." });
    const editor = editorText(page);
    await expect.poll(() => editor.textContent()).toContain("See our section, the UN.");
    expect(
      await editor.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href"))),
    ).toEqual(["https://un.org"]);
    const notice = page.getByTestId("editor-notice");
    await expect
      .poll(() => notice.textContent())
      .toMatch(/Not kept: .*external image https:\/\/tracker\.example\/x\.png.*<script>/);
    // Typing goes on while the notice shows.
    await page.keyboard.type(" More");
    await expect.poll(() => editor.textContent()).toContain("the UN. More");
    await context.close();
  });

  it("refuses 10 MB of pasted HTML with a notice and leaves the text unchanged", async () => {
    const context = await contextFor(suite, "drafter");
    const page = await openSection(context, suite.url, "p1-governance");
    await focusEndOfText(page);
    const before = await editorText(page).textContent();
    await editorText(page).evaluate((element) => {
      const transfer = new DataTransfer();
      transfer.setData("text/html", `<p>${"x".repeat(10 * 1024 * 1024)}</p>`);
      element.dispatchEvent(
        new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }),
      );
    });
    await expect
      .poll(() => page.getByTestId("editor-notice").textContent())
      .toMatch(/Nothing was pasted: .*more than the limit/);
    expect(await editorText(page).textContent()).toBe(before);
    await context.close();
  });
});
