/**
 * Photographs the report list and the New report dialog:
 * `node --import tsx tests/e2e/reportsScreenshot.ts [DIR]` (needs
 * `pnpm --filter @rapporteur/web build`); docs/images/reports.png is DIR/reports.png (the list)
 * and docs/images/new-report.png DIR/new-report.png (the dialog). Starts a server on fresh data,
 * creates two more reports from the templates and shoots the list as the administrator.
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
  for (const body of [
    {
      title: "Progress made in the implementation of WSIS outcomes (2027)",
      template: "wsis-annual-progress",
    },
    { title: "Priority theme: data for development", template: "blank" },
  ]) {
    const created = await callApi(server.url, admin, "POST", "/reports", body);
    if (created.status !== 201) throw new Error(`report refused: ${created.status}`);
  }
  const context = await signedInContext(browser, server.url, "editor", {
    viewport: { width: 1280, height: 720 },
  });
  const page = await context.newPage();
  await page.goto(`${server.url}/reports`);
  await page.getByTestId("reports-table").waitFor();
  await page.getByTestId("report-row-3").waitFor();
  await page.screenshot({ path: join(outDir, "reports.png") });
  console.log("reports.png");

  await page.getByTestId("new-report").click();
  const dialog = page.getByRole("dialog", { name: "New report" });
  await dialog.getByLabel("Title").fill("Priority theme: digital public infrastructure");
  await dialog.getByTestId("new-report-template").locator("option[value=wsis20-review]").waitFor({
    state: "attached",
  });
  await dialog.getByLabel("Template").selectOption("wsis20-review");
  await page.screenshot({ path: join(outDir, "new-report.png") });
  console.log("new-report.png");
} finally {
  await browser.close();
  await server.stop();
}
