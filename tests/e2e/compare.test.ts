import { describe, expect, it } from "vitest";
import { documentText, editorText, focusEndOfText, sidebarWords } from "./browser";
import { openSectionAs, useBrowserSuite } from "./useBrowserSuite";

const KEPT = "Broadband reached most people.";
const DELETED = "Mobile money spread fast.";
const LAST = "Gaps remain.";
const INSERTED = "Community networks serve villages.";

describe("comparing a version in the browser", () => {
  const suite = useBrowserSuite();

  it("shows the drafter's deletion and insertion since a named version, attributed", async () => {
    const section = "p1-sectors";
    const [{ page: editor }] = await openSectionAs(suite, section, ["editor"]);
    await focusEndOfText(editor);
    await editor.keyboard.type(KEPT);
    await editor.keyboard.press("Enter");
    await editor.keyboard.type(DELETED);
    await editor.keyboard.press("Enter");
    await editor.keyboard.type(LAST);
    await expect.poll(() => sidebarWords(editor, section)).toBe(10);

    // The editor names a version in the Versions panel.
    await editor.getByRole("button", { name: "Versions of the report" }).click();
    await editor.getByLabel("Save the report as a version named").fill("Before the drafter");
    await editor.getByRole("button", { name: "Save version" }).click();
    await editor.getByTestId("versions-list").getByText("Before the drafter").waitFor();

    // The drafter deletes the second paragraph and adds one at the end.
    const [{ page: drafter }] = await openSectionAs(suite, section, ["drafter"]);
    await expect.poll(() => documentText(drafter)).toContain(LAST);
    await editorText(drafter).locator("p", { hasText: DELETED }).click();
    await drafter.keyboard.press("End");
    await drafter.keyboard.press("Shift+Home");
    await drafter.keyboard.press("Backspace");
    await drafter.keyboard.press("Backspace");
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
    await focusEndOfText(editor);
    await editor.keyboard.type(KEPT);
    await editor.keyboard.press("Enter");
    await editor.keyboard.type(DELETED);
    await editor.keyboard.press("Enter");
    await editor.keyboard.type(LAST);
    await expect.poll(() => sidebarWords(editor, section)).toBe(10);
    await editor.getByRole("button", { name: "Versions of the report" }).click();
    await editor.getByLabel("Save the report as a version named").fill("Draft for two");
    await editor.getByRole("button", { name: "Save version" }).click();
    await editor.getByTestId("versions-list").getByText("Draft for two").waitFor();

    // The drafter deletes the second paragraph; the editor then adds one at the end.
    const [{ page: drafter }] = await openSectionAs(suite, section, ["drafter"]);
    await expect.poll(() => documentText(drafter)).toContain(LAST);
    await editorText(drafter).locator("p", { hasText: DELETED }).click();
    await drafter.keyboard.press("End");
    await drafter.keyboard.press("Shift+Home");
    await drafter.keyboard.press("Backspace");
    await drafter.keyboard.press("Backspace");
    await expect.poll(() => documentText(editor)).not.toContain(DELETED);
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
