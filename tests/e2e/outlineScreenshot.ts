/**
 * Photographs the Outline page: `node --import tsx tests/e2e/outlineScreenshot.ts [DIR]` (needs
 * `pnpm --filter @rapporteur/web build`); docs/images/outline-editor.png is
 * DIR/outline-editor.png. Starts a server on fresh data, archives a section so that the archive
 * list has an entry, moves a section up with Alt+ArrowUp, and shoots the page as an editor with
 * the moved row focused and the move said in the status line.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { callApi } from "../support/callApi";
import { loginAs, startServerProcess } from "../support/serverProcess";
import { launchBrowser, signedInContext } from "./browser";

const outDir = process.argv[2] ?? "/tmp/rapporteur-screenshots";
mkdirSync(outDir, { recursive: true });

const server = await startServerProcess();
const browser = await launchBrowser();
try {
  const admin = await loginAs(server.url, "editor");
  const archived = await callApi(server.url, admin, "DELETE", "/outline/sections/p1-sectors");
  if (archived.status !== 200) throw new Error(`archive refused: ${archived.status}`);
  const context = await signedInContext(browser, server.url, "editor", {
    viewport: { width: 1440, height: 1180 },
  });
  const page = await context.newPage();
  await page.goto(`${server.url}/outline`);
  await page.getByTestId("outline-editor").waitFor();
  await page.getByTestId("archived-sections").waitFor();
  await page.getByTestId("outline-row-p1-access").focus();
  await page.keyboard.press("Alt+ArrowUp");
  await page.getByTestId("outline-status").filter({ hasText: "moved" }).waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(outDir, "outline-editor.png") });
  console.log("outline-editor.png");
} finally {
  await browser.close();
  await server.stop();
}
