import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { documentText, focusEndOfText, sidebarWords } from "./browser";
import { openSectionAs, useBrowserSuite } from "./useBrowserSuite";

const AGREED = "Agreed wording of the sector overview.";
const LATER = "A later sentence nobody agreed.";
const SAFETY = "Before restoring “Agreed text”";

/** Types `text` at the end of the section and waits until the server counts its words. */
async function typeAndStore(page: Page, section: string, text: string): Promise<void> {
  const before = await sidebarWords(page, section);
  await focusEndOfText(page);
  await page.keyboard.press("Enter");
  await page.keyboard.type(text);
  await expect
    .poll(() => sidebarWords(page, section), { timeout: 15_000 })
    .toBe(before + text.split(" ").length);
}

function versionItem(page: Page, name: string) {
  return page
    .getByTestId("versions-list")
    .locator("li", { hasText: name })
    .filter({
      has: page.locator(".history-entry__what", { hasText: new RegExp(`^${name}$`) }),
    });
}

describe("restoring the whole report to a named version in the browser", () => {
  const suite = useBrowserSuite();

  it("an editor restores the report (keyboard), sees the summary and the old text, and undoes it with the safety version; a drafter cannot restore", async () => {
    const section = "p1-sectors";
    const [{ page: editor }, { page: drafter }] = await openSectionAs(suite, section, [
      "editor",
      "drafter",
    ]);
    await typeAndStore(editor, section, AGREED);
    await editor.getByRole("button", { name: "Versions of the report" }).click();
    await editor.getByLabel("Save the report as a version named").fill("Agreed text");
    await editor.getByRole("button", { name: "Save version" }).click();
    await versionItem(editor, "Agreed text").waitFor();

    await typeAndStore(editor, section, LATER);
    expect(await documentText(editor)).toContain(LATER);

    // With the keyboard: Escape first leaves everything as it is.
    const restoreButton = editor.getByRole("button", {
      name: "Restore the report to “Agreed text”…",
    });
    await restoreButton.focus();
    await editor.keyboard.press("Enter");
    const dialog = editor.getByTestId("restore-version-dialog");
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`saved as the version “${SAFETY}”`);
    expect(await dialog.textContent()).toContain("archived, not deleted");
    await editor.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await documentText(editor)).toContain(LATER);

    await restoreButton.focus();
    await editor.keyboard.press("Enter");
    await dialog.waitFor();
    const confirm = dialog.getByRole("button", { name: "Restore the report" });
    for (let i = 0; i < 5 && !(await confirm.evaluate((b) => b === document.activeElement)); i++) {
      await editor.keyboard.press("Tab");
    }
    expect(await confirm.evaluate((b) => b === document.activeElement)).toBe(true);
    await editor.keyboard.press("Enter");
    const message = editor.getByTestId("versions-message");
    await expect
      .poll(async () => (await message.textContent()) ?? "", { timeout: 20_000 })
      .toContain("Restored the report to “Agreed text”: 1 section restored");
    expect(await message.textContent()).toContain(`To undo, restore “${SAFETY}”.`);
    await dialog.waitFor({ state: "detached" });
    await expect.poll(() => documentText(editor), { timeout: 15_000 }).not.toContain(LATER);
    expect(await documentText(editor)).toContain(AGREED);
    await expect.poll(() => documentText(drafter), { timeout: 15_000 }).not.toContain(LATER);

    // The safety version is listed; restoring it brings the later text back.
    await versionItem(editor, SAFETY).waitFor();
    await editor.getByRole("button", { name: `Restore the report to “${SAFETY}”…` }).click();
    await dialog.getByRole("button", { name: "Restore the report" }).click();
    await expect
      .poll(async () => (await message.textContent()) ?? "", { timeout: 20_000 })
      .toContain(`Restored the report to “${SAFETY}”: 1 section restored`);
    await expect.poll(() => documentText(editor), { timeout: 15_000 }).toContain(LATER);
    expect(await documentText(editor)).toContain(AGREED);

    // A drafter lists the versions but is offered no restore.
    await drafter.getByRole("button", { name: "Versions of the report" }).click();
    await versionItem(drafter, "Agreed text").waitFor();
    expect(await drafter.getByTestId("versions-list").getByRole("button").count()).toBeGreaterThan(
      0,
    );
    expect(
      await drafter
        .getByTestId("versions-panel")
        .getByRole("button", { name: /Restore/ })
        .count(),
    ).toBe(0);
  }, 120_000);
});
