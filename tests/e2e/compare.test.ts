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
});
