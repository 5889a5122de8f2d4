/**
 * Regenerates the web app's screenshots: `node --import tsx tests/e2e/takeScreenshots.ts [DIR]`
 * (needs `pnpm build`). Starts a server on fresh data, drafts a little as three people, and saves
 * the sign-in page, a reviewer's read-only view, an editor's section with the workflow controls,
 * and the users and audit pages. docs/images/signin.png and reviewer.png come from here.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { callApi } from "../support/callApi";
import { loginAs, startServerProcess } from "../support/serverProcess";
import {
  createPerson,
  focusEndOfText,
  launchBrowser,
  newContext,
  openSection,
  signedInContext,
} from "./browser";

const outDir = process.argv[2] ?? "/tmp/rapporteur-screenshots";
mkdirSync(outDir, { recursive: true });
const SECTION = "p1-access";
const viewport = { width: 1440, height: 900 };

const server = await startServerProcess();
const browser = await launchBrowser();
try {
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(outDir, `${name}.png`) }).then(() => console.log(`${name}.png`));

  const signIn = await (await newContext(browser, { viewport })).newPage();
  await signIn.goto(`${server.url}/`);
  await signIn.getByTestId("signin-username").waitFor();
  await signIn.getByTestId("signin-username").fill("amina");
  await shot(signIn, "signin");

  const amina = await createPerson(server.url, "Amina Diallo");
  const ben = await createPerson(server.url, "Ben Okafor");
  await createPerson(server.url, "Carla Mendes", "reviewer");
  const admin = await loginAs(server.url, "editor");
  await callApi(server.url, admin, "PUT", `/sections/${SECTION}/leads`, {
    leads: [amina.id, ben.id],
  });
  await callApi(server.url, admin, "PUT", "/sections/p1-context/leads", { leads: [amina.id] });
  await callApi(server.url, admin, "POST", "/sections/p1-context/status", { action: "approve" });
  await callApi(server.url, admin, "POST", "/sections/p1-technology/status", { action: "submit" });

  const aminaPage = await openSection(
    await signedInContext(browser, server.url, amina, { viewport }),
    server.url,
    SECTION,
  );
  await focusEndOfText(aminaPage);
  await aminaPage.getByRole("button", { name: "Sub-heading" }).click();
  await aminaPage.keyboard.type("Connectivity since 2005");
  await aminaPage.keyboard.press("Enter");
  await aminaPage.keyboard.type(
    "Internet use has grown from about one in six people in 2005 to two in three today. The gap between the most and least connected countries has narrowed in mobile coverage but widened in speed, affordability and the skills needed to use digital services well.",
  );
  await aminaPage.keyboard.press("Enter");
  await aminaPage.keyboard.type(
    "Women, rural communities and older people remain less likely to be online, and meaningful connectivity rather than basic access is now the measure that matters.",
  );

  const reviewerPage = await openSection(
    await signedInContext(browser, server.url, "reviewer", { viewport }),
    server.url,
    SECTION,
  );
  await reviewerPage.getByText("meaningful connectivity").waitFor();
  await shot(reviewerPage, "reviewer");

  const editorContext = await signedInContext(browser, server.url, "editor", { viewport });
  const editorPage = await openSection(editorContext, server.url, SECTION);
  await editorPage.getByText("meaningful connectivity").waitFor();
  await shot(editorPage, "editor-workflow");
  await editorPage.getByTestId("export-menu").click();
  await shot(editorPage, "export-menu");
  await editorPage.keyboard.press("Escape");

  const lockedPage = await openSection(
    await signedInContext(browser, server.url, amina, { viewport }),
    server.url,
    "p1-context",
  );
  await lockedPage.getByTestId("read-only-banner").waitFor();
  await shot(lockedPage, "drafter-locked");

  await editorPage.goto(`${server.url}/users`);
  await editorPage.getByTestId("users-table").waitFor();
  await shot(editorPage, "users");
  await editorPage.goto(`${server.url}/audit`);
  await editorPage.getByTestId("audit-table").waitFor();
  await shot(editorPage, "audit");
} finally {
  await browser.close();
  await server.stop();
}
