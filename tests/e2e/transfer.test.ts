import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { documentText, editorText, focusEndOfText, openSection, signedInContext } from "./browser";
import { openSectionAs, useBrowserSuite } from "./useBrowserSuite";

const SECTION = "p2-governance";

/** Picks an Export menu item and returns the downloaded file's name and text. */
async function exportFrom(page: Page, item: string): Promise<{ name: string; text: string }> {
  await page.getByTestId("export-menu").click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("menuitem", { name: new RegExp(item) }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, "utf8") };
}

describe("exporting and importing from the web app", () => {
  const suite = useBrowserSuite();
  let page: Page;

  beforeAll(async () => {
    [{ page }] = await openSectionAs(suite, SECTION, ["drafter"]);
  });

  it("downloads the open section as Markdown, and offers the final Word file to editors only", async () => {
    await focusEndOfText(page);
    await page.keyboard.type("Multistakeholder governance remains the norm.");
    await expect.poll(() => documentText(page)).toContain("remains the norm.");

    const file = await exportFrom(page, "Markdown of this section");
    expect(file.name).toMatch(/\.md$/);
    expect(file.text).toContain("Multistakeholder governance remains the norm.");

    await page.getByTestId("export-menu").click();
    expect(await page.getByRole("menuitem", { name: /Word — final/ }).count()).toBe(0);
    expect(await page.getByRole("menuitem", { name: /Word — review copy/ }).count()).toBe(1);
    await page.keyboard.press("Escape");

    const editor = await signedInContext(suite.browser, suite.url, "editor");
    const editorPage = await openSection(editor, suite.url, SECTION);
    await editorPage.getByTestId("export-menu").click();
    await editorPage.getByRole("menuitem", { name: /Word — final/ }).click();
    // The final copy first shows the preflight: here, sections not approved.
    const preflight = editorPage.getByTestId("confirm-final-export");
    await preflight.waitFor();
    expect(await preflight.locator('li[data-kind="not_approved"]').count()).toBeGreaterThan(0);
    const [download] = await Promise.all([
      editorPage.waitForEvent("download"),
      preflight.getByRole("button", { name: /anyway/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    // A .docx is a zip archive.
    expect(
      readFileSync(await download.path())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
    await editor.close();
  });

  it("imports a Markdown file into a non-empty section after asking, and lists what was dropped", async () => {
    await page.getByTestId("import-file").setInputFiles({
      name: "governance.md",
      mimeType: "text/markdown",
      buffer: Buffer.from(
        "### Governance arrangements\n\nThe **IGF** was renewed in 2015.\n\n<div>raw markup</div>\n",
      ),
    });
    // The section holds text: nothing is replaced before the drafter confirms.
    await page.getByRole("heading", { name: "Replace this section’s text?" }).waitFor();
    expect(await documentText(page)).toContain("remains the norm.");
    await page.getByTestId("import-confirm").click();

    await page.getByTestId("import-result").waitFor();
    expect(await page.getByTestId("import-warnings").textContent()).toMatch(/raw HTML/);
    await page.getByTestId("import-confirm").click();
    await expect
      .poll(() => editorText(page).locator("h3").textContent())
      .toBe("Governance arrangements");
    expect(await documentText(page)).not.toContain("remains the norm.");
    expect(await editorText(page).locator("strong").textContent()).toBe("IGF");
  });

  it("refuses a file that is neither Markdown nor Word without sending it", async () => {
    await page.getByTestId("import-file").setInputFiles({
      name: "notes.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4"),
    });
    expect(await page.getByTestId("import-error").textContent()).toMatch(/not a Markdown/);
    await page.getByTestId("import-confirm").click();
    expect(await editorText(page).locator("h3").textContent()).toBe("Governance arrangements");
  });
});
