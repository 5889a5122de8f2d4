import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { HISTORY_TOGETHER_MS } from "../../apps/server/src/history/historyCheckpoints";
import { documentText, editorText, focusEndOfText, sidebarWords } from "./browser";
import { openSectionAs, useBrowserSuite } from "./useBrowserSuite";

const KEPT = "Broadband reached most people.";
const DELETED = "Mobile money spread fast.";
const LAST = "Gaps remain.";
const INSERTED = "Community networks serve villages.";

/** The editor types three paragraphs in `section` and saves the report as version `name`. */
async function writeAndSaveVersion(page: Page, section: string, name: string): Promise<void> {
  await focusEndOfText(page);
  await page.keyboard.type(KEPT);
  await page.keyboard.press("Enter");
  await page.keyboard.type(DELETED);
  await page.keyboard.press("Enter");
  await page.keyboard.type(LAST);
  await expect.poll(() => sidebarWords(page, section)).toBe(10);
  await page.getByRole("button", { name: "Versions of the report" }).click();
  await page.getByLabel("Save the report as a version named").fill(name);
  await page.getByRole("button", { name: "Save version" }).click();
  await page.getByTestId("versions-list").getByText(name).waitFor();
}

/** Deletes the paragraph holding DELETED, with the keyboard. */
async function deleteParagraph(page: Page): Promise<void> {
  await expect.poll(() => documentText(page)).toContain(LAST);
  await editorText(page).locator("p", { hasText: DELETED }).click();
  await page.keyboard.press("End");
  await page.keyboard.press("Shift+Home");
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Backspace");
}

describe("comparing a version in the browser", () => {
  const suite = useBrowserSuite();

  it("shows the drafter's deletion and insertion since a named version, attributed", async () => {
    const section = "p1-sectors";
    const [{ page: editor }] = await openSectionAs(suite, section, ["editor"]);
    // The editor names a version in the Versions panel.
    await writeAndSaveVersion(editor, section, "Before the drafter");

    // The drafter deletes the second paragraph and adds one at the end.
    const [{ page: drafter }] = await openSectionAs(suite, section, ["drafter"]);
    await deleteParagraph(drafter);
    await focusEndOfText(drafter);
    await drafter.keyboard.press("Enter");
    await drafter.keyboard.type(INSERTED);
    await expect.poll(() => documentText(editor)).toContain(INSERTED);
    await expect.poll(() => documentText(editor)).not.toContain(DELETED);

    // Anyone compares: here the drafter, with now.
    await drafter.getByRole("button", { name: "Versions of the report" }).click();
    const item = drafter
      .getByTestId("versions-list")
      .locator("li", { hasText: "Before the drafter" });
    await item.getByRole("button", { name: "Compare" }).click();
    const view = drafter.getByTestId("compare-view");
    const compared = view.getByTestId("compare-document");
    await compared.waitFor();
    const deletion = compared.locator("del", { hasText: DELETED }).first();
    const insertion = compared.locator("ins", { hasText: INSERTED }).first();
    await deletion.waitFor();
    await insertion.waitFor();
    expect(await deletion.getAttribute("title")).toMatch(/^Deleted by Demo Drafter on /);
    expect(await insertion.getAttribute("title")).toMatch(/^Inserted by Demo Drafter on /);
    const style = await deletion.evaluate((node) => getComputedStyle(node).textDecorationLine);
    expect(style).toContain("line-through");
    expect(await insertion.evaluate((node) => getComputedStyle(node).textDecorationLine)).toContain(
      "underline",
    );
    expect(await compared.textContent()).toContain(KEPT);
    expect(await view.getByTestId("compare-legend").textContent()).toContain(
      "Demo Drafter: 1 inserted, 1 deleted",
    );
    // The view is read-only.
    expect(await compared.locator("[contenteditable=true]").count()).toBe(0);
  }, 90_000);

  it("two authors: each change in its author's colour, in the compare view and the history preview", async () => {
    const section = "p1-challenges";
    const [{ page: editor }] = await openSectionAs(suite, section, ["editor"]);
    await writeAndSaveVersion(editor, section, "Draft for two");

    // The drafter deletes the second paragraph; the editor then adds one at the end.
    const [{ page: drafter }] = await openSectionAs(suite, section, ["drafter"]);
    await deleteParagraph(drafter);
    await expect.poll(() => documentText(editor)).not.toContain(DELETED);
    // Two turns: authors who alternate more closely than this write together, in one group.
    await editor.waitForTimeout(HISTORY_TOGETHER_MS + 500);
    await focusEndOfText(editor);
    await editor.keyboard.press("Enter");
    await editor.keyboard.type(INSERTED);
    await expect.poll(() => documentText(drafter)).toContain(INSERTED);

    await drafter.getByRole("button", { name: "Versions of the report" }).click();
    await drafter
      .getByTestId("versions-list")
      .locator("li", { hasText: "Draft for two" })
      .getByRole("button", { name: "Compare" })
      .click();
    const compared = drafter.getByTestId("compare-view").getByTestId("compare-document");
    const deletion = compared.locator("del", { hasText: DELETED }).first();
    const insertion = compared.locator("ins", { hasText: INSERTED }).first();
    await deletion.waitFor();
    await insertion.waitFor();
    expect(await deletion.getAttribute("title")).toMatch(/^Deleted by Demo Drafter on /);
    expect(await insertion.getAttribute("title")).toMatch(/^Inserted by Administrator on /);
    const colour = (node: typeof deletion) =>
      node.evaluate((n) => getComputedStyle(n).getPropertyValue("--author-colour"));
    expect(await colour(deletion)).not.toBe(await colour(insertion));
    const legend = await drafter
      .getByTestId("compare-view")
      .getByTestId("compare-legend")
      .textContent();
    expect(legend).toContain("Demo Drafter: 0 inserted, 1 deleted");
    expect(legend).toContain("Administrator: 1 inserted, 0 deleted");

    // The history preview of each group shows what it changed, in its author's colour.
    await drafter.getByTestId("history-toggle").click();
    const entries = drafter.getByTestId("history-entry");
    await expect
      .poll(async () => (await entries.nth(0).textContent()) ?? "", { timeout: 15_000 })
      .toContain("Administrator");
    await entries.nth(0).click();
    const preview = drafter.getByTestId("history-preview").getByTestId("compare-document");
    const added = preview.locator("ins", { hasText: INSERTED }).first();
    await added.waitFor();
    expect(await added.getAttribute("title")).toMatch(/^Inserted by Administrator on /);
    expect(await preview.locator("del").count()).toBe(0);
    const editorColour = await colour(added);
    await entries.nth(1).click();
    const removed = preview.locator("del", { hasText: DELETED }).first();
    await removed.waitFor();
    expect(await entries.nth(1).textContent()).toContain("Demo Drafter");
    expect(await removed.getAttribute("title")).toMatch(/^Deleted by Demo Drafter on /);
    expect(await colour(removed)).not.toBe(editorColour);
  }, 120_000);
});
