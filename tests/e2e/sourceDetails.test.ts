// Correcting a source's details in the browser: a drafter fixes the title and the organisation
// of an imported source from its page with the keyboard, a wrong address is refused with the
// server's message, and a reviewer sees no way to change it.
import { cslJsonLibrary } from "@rapporteur/evidence/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { callApi } from "../support/callApi";
import { loginAs } from "../support/serverProcess";
import { signedInContext } from "./browser";
import { useBrowserSuite } from "./useBrowserSuite";

const SCREENSHOT = process.env.SOURCE_DETAILS_SCREENSHOT;

describe("correcting a source's details", () => {
  const suite = useBrowserSuite();
  let cookie: string;
  let sourceId: number;

  beforeAll(async () => {
    cookie = await loginAs(suite.url, "editor");
    const imported = await callApi(suite.url, cookie, "POST", "/evidence/import", {
      filename: "zotero.json",
      contentBase64: Buffer.from(cslJsonLibrary(2)).toString("base64"),
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    sourceId = imported.body.ids[0];
  });

  it("lets a drafter correct the title and organisation, and refuses a wrong address", async () => {
    const context = await signedInContext(suite.browser, suite.url, "drafter");
    const page = await context.newPage();
    await page.goto(`${suite.url}/evidence/${sourceId}`);
    await page.getByTestId("source-details-edit").focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByTestId("source-details-dialog");
    await dialog.waitFor();
    await page.getByTestId("source-details-url").fill("javascript:alert(1)");
    await page.getByTestId("source-details-submit").click();
    await expect
      .poll(() => page.getByTestId("source-details-problem").textContent())
      .toContain("http://, https:// or mailto:");

    await page.getByTestId("source-details-url").fill("https://www.itu.int/facts");
    await page.getByTestId("source-details-title").fill("Facts and Figures 2024, corrected");
    await page.getByTestId("source-details-organisation").fill("ITU");
    if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT });
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "detached" });
    await expect
      .poll(() => page.locator("#evidence-source-title").textContent())
      .toBe("Facts and Figures 2024, corrected");
    const stored = await callApi(suite.url, cookie, "GET", `/evidence/${sourceId}`);
    expect(stored.body).toMatchObject({
      title: "Facts and Figures 2024, corrected",
      organisation: "ITU",
      url: "https://www.itu.int/facts",
    });
    await context.close();
  });

  it("offers a reviewer no correction", async () => {
    const context = await signedInContext(suite.browser, suite.url, "reviewer");
    const page = await context.newPage();
    await page.goto(`${suite.url}/evidence/${sourceId}`);
    await page.locator("#evidence-source-title").waitFor();
    expect(await page.getByTestId("source-details-edit").count()).toBe(0);
    await context.close();
  });
});
