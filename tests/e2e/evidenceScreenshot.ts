/**
 * Photographs the Evidence page: `node --import tsx tests/e2e/evidenceScreenshot.ts [DIR]` (needs
 * `pnpm --filter @rapporteur/web build`); docs/images/evidence.png is DIR/evidence.png. Starts a
 * server on fresh data, imports the generated questionnaire (150 submissions) and a CSL-JSON
 * library, and shoots an editor's search for a phrase among civil-society submissions.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { cslJsonLibrary, formsCsv } from "@rapporteur/evidence/testing";
import { callApi } from "../support/callApi";
import { loginAs, startServerProcess } from "../support/serverProcess";
import { launchBrowser, signedInContext } from "./browser";

const outDir = process.argv[2] ?? "/tmp/rapporteur-screenshots";
mkdirSync(outDir, { recursive: true });

const server = await startServerProcess();
const browser = await launchBrowser();
try {
  const editor = await loginAs(server.url, "editor");
  for (const [filename, bytes] of [
    ["consultation.csv", formsCsv()],
    ["library.json", cslJsonLibrary()],
  ] as const) {
    const answer = await callApi(server.url, editor, "POST", "/evidence/import", {
      filename,
      contentBase64: Buffer.from(bytes).toString("base64"),
    });
    if (answer.status !== 200)
      throw new Error(`import ${filename}: ${JSON.stringify(answer.body)}`);
  }
  const context = await signedInContext(browser, server.url, "editor", {
    viewport: { width: 1440, height: 1100 },
  });
  const page = await context.newPage();
  const query = new URLSearchParams({ q: '"digital divide" rural', group: "civil_society" });
  await page.goto(`${server.url}/evidence?${query}`);
  await page.getByTestId("evidence-hit").first().waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(outDir, "evidence.png") });
  console.log(join(outDir, "evidence.png"));
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
