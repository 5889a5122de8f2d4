/**
 * Photographs the Themes page: `node --import tsx tests/e2e/themesScreenshot.ts [DIR]` (needs
 * `pnpm --filter @rapporteur/web build`); docs/images/evidence-themes.png and
 * evidence-action-lines.png are DIR/evidence-themes.png and DIR/evidence-action-lines.png. Starts a server on fresh data, imports the generated questionnaire
 * without its Chinese rows (Debian's Chromium here has no CJK font: they would show as boxes),
 * saves three keyword rules and shoots an editor's drill-down into a phrase of question 7 among
 * civil-society submissions, then the Action Lines chart and the rules form.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fixtureSubmissions, formsCsv } from "@rapporteur/evidence/testing";
import { callApi } from "../support/callApi";
import { loginAs, startServerProcess } from "../support/serverProcess";
import { launchBrowser, signedInContext } from "./browser";

const outDir = process.argv[2] ?? "/tmp/rapporteur-screenshots";
mkdirSync(outDir, { recursive: true });

const server = await startServerProcess();
const browser = await launchBrowser();
try {
  const editor = await loginAs(server.url, "editor");
  const rows = fixtureSubmissions().filter((row) => row.language !== "zh");
  const answer = await callApi(server.url, editor, "POST", "/evidence/import", {
    filename: "consultation.csv",
    contentBase64: Buffer.from(formsCsv(rows)).toString("base64"),
  });
  if (answer.status !== 200) throw new Error(`import: ${JSON.stringify(answer.body)}`);
  const rules = await callApi(server.url, editor, "PUT", "/evidence/action-line-rules", {
    rules: {
      C2: ["broadband access"],
      C3: ["fracture numerique", "brecha digital"],
      C7: ["meaningful connectivity"],
    },
  });
  if (rules.status !== 200) throw new Error(`rules: ${JSON.stringify(rules.body)}`);
  const context = await signedInContext(browser, server.url, "editor", {
    viewport: { width: 1440, height: 1150 },
  });
  const page = await context.newPage();
  await page.goto(`${server.url}/evidence/themes`);
  await page.getByTestId("themes-question").selectOption("q7");
  await page.getByTestId("themes-group").selectOption("civil_society");
  await page.getByRole("button", { name: "digital divide remains wide", exact: true }).click();
  await page.getByTestId("themes-passage").first().waitFor();
  await page.getByTestId("themes-lines").waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(outDir, "evidence-themes.png") });
  console.log(join(outDir, "evidence-themes.png"));
  await page.getByTestId("themes-rules-form").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(outDir, "evidence-action-lines.png") });
  console.log(join(outDir, "evidence-action-lines.png"));
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
