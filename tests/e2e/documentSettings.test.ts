import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInContext } from "./browser";
import { useBrowserSuite } from "./useBrowserSuite";

const run = promisify(execFile);

/** Opens the Document settings page from the account menu. */
async function openSettings(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/settings`);
  await page.getByTestId("document-settings").waitFor();
}

describe("document settings in the browser", () => {
  const suite = useBrowserSuite();
  let editor: Page;
  let drafter: Page;

  beforeAll(async () => {
    editor = await (await signedInContext(suite.browser, suite.url, "editor")).newPage();
    drafter = await (await signedInContext(suite.browser, suite.url, "drafter")).newPage();
    await openSettings(editor, suite.url);
    await openSettings(drafter, suite.url);
  });
  afterAll(async () => {
    await editor?.context().close();
    await drafter?.context().close();
  });

  it("lets an editor change the masthead, shows the change live to others, read-only", async () => {
    expect(await drafter.getByTestId("setting-symbol").inputValue()).toBe("E/CN.16/2025/CRP.1");
    expect(await drafter.getByTestId("setting-jobNumber").getAttribute("readonly")).not.toBeNull();
    expect(await drafter.getByRole("button", { name: "Save settings" }).count()).toBe(0);

    await editor.getByTestId("setting-symbol").fill("E/CN.16/2025/3");
    await editor.getByTestId("setting-jobNumber").fill("GE.25-04321(E)");
    await editor.getByTestId("setting-issueDate").fill("2025-02-14");
    await editor.getByRole("button", { name: "Save settings" }).click();
    await expect.poll(() => editor.getByTestId("settings-saved").textContent()).toMatch(/Saved/);

    await expect
      .poll(() => drafter.getByTestId("setting-jobNumber").inputValue())
      .toBe("GE.25-04321(E)");
    expect(await drafter.getByTestId("setting-symbol").inputValue()).toBe("E/CN.16/2025/3");
  });

  it("shows the preflight before the final export, then prints the settings in the PDF", async () => {
    await editor.getByTestId("export-menu").click();
    await editor.getByRole("menuitem", { name: /PDF — final/ }).click();
    const dialog = editor.getByTestId("confirm-final-export");
    await dialog.waitFor();
    // A fresh report: every section is empty and none is approved.
    const items = dialog.getByTestId("preflight-items").locator("li");
    expect(await items.count()).toBeGreaterThan(20);
    expect(await dialog.locator('li[data-kind="not_approved"]').count()).toBe(20);
    expect(await dialog.locator('li[data-kind="empty"]').first().textContent()).toMatch(/is empty/);

    const [download] = await Promise.all([
      editor.waitForEvent("download", { timeout: 120_000 }),
      dialog.getByRole("button", { name: /anyway/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const { stdout } = await run("pdftotext", ["-layout", (await download.path()) as string, "-"]);
    const [first] = stdout.split("\f");
    expect(first).toContain("E/CN.16/2025/3");
    expect(first).toContain("GE.25-04321(E)");
    expect(first).toContain("14 February 2025");
  }, 150_000);

  it("offers the PDF review copy to drafters but not the final copy", async () => {
    await drafter.getByTestId("export-menu").click();
    expect(await drafter.getByRole("menuitem", { name: /PDF — review copy/ }).count()).toBe(1);
    expect(await drafter.getByRole("menuitem", { name: /PDF — final/ }).count()).toBe(0);
    await drafter.keyboard.press("Escape");
  });
});
