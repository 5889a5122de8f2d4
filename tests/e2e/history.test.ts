import { describe, expect, it } from "vitest";
import { documentText, editorText, focusEndOfText, sidebarWords } from "./browser";
import { openSectionAs, useBrowserSuite } from "./useBrowserSuite";

describe("history in the browser", () => {
  const suite = useBrowserSuite();

  it("lists who changed the section, previews an earlier text read-only and restores it", async () => {
    const section = "p1-technology";
    const [{ page: drafter }] = await openSectionAs(suite, section, ["drafter"]);
    await focusEndOfText(drafter);
    await drafter.keyboard.type("Digital public infrastructure spreads.");
    await expect.poll(() => sidebarWords(drafter, section)).toBe(4);

    const [{ page: editor }] = await openSectionAs(suite, section, ["editor"]);
    await focusEndOfText(editor);
    await editor.keyboard.press("Enter");
    await editor.keyboard.type("Editors added this line.");
    await expect.poll(() => sidebarWords(drafter, section)).toBe(8);

    // Keyboard only: open the panel, go to the drafter's group, preview it.
    const toggle = drafter.getByTestId("history-toggle");
    await toggle.focus();
    await drafter.keyboard.press("Enter");
    const entries = drafter.getByTestId("history-entry");
    await expect.poll(() => entries.count(), { timeout: 15_000 }).toBe(2);
    expect(await entries.nth(0).textContent()).toContain("Administrator");
    expect(await entries.nth(0).textContent()).toContain("+4 / −0 words");
    const mine = entries.nth(1);
    expect(await mine.textContent()).toContain("Demo Drafter");
    expect(await mine.textContent()).toMatch(/\d{1,2} [A-Z][a-z]+ \d{4} \d{2}:\d{2}/);
    await mine.focus();
    await drafter.keyboard.press("Enter");
    const preview = drafter.getByTestId("history-preview");
    await preview.waitFor();
    expect(await preview.textContent()).toContain("Preview of the text of");
    const text = preview.getByTestId("compare-document");
    expect(await text.textContent()).toBe("Digital public infrastructure spreads.");
    expect(await text.locator("[contenteditable=true]").count()).toBe(0);
    // What the drafter's group added, in the drafter's colour.
    expect(await text.locator("ins").first().getAttribute("title")).toMatch(
      /^Inserted by Demo Drafter on /,
    );

    await drafter.getByTestId("history-restore").click();
    await drafter.getByTestId("history-message").filter({ hasText: "Restored" }).waitFor();
    // Live for everyone in the section, the editor included.
    await expect.poll(() => documentText(editor)).toBe("Digital public infrastructure spreads.");
    await expect
      .poll(async () => (await entries.nth(0).textContent()) ?? "")
      .toContain("Restored an earlier text");
  });

  it("undoes an import from the import dialog: the old text is back", async () => {
    const section = "p1-ecosystem";
    const [{ page }] = await openSectionAs(suite, section, ["drafter"]);
    await focusEndOfText(page);
    await page.keyboard.type("Handwritten paragraph before the import.");
    await expect.poll(() => sidebarWords(page, section)).toBe(5);

    await page.getByTestId("import-file").setInputFiles({
      name: "draft.md",
      mimeType: "text/markdown",
      buffer: Buffer.from("Imported text that replaces everything.\n"),
    });
    await page.getByRole("heading", { name: "Replace this section’s text?" }).waitFor();
    expect(await page.getByRole("dialog").textContent()).toContain("Undo import");
    await page.getByTestId("import-confirm").click();
    await page.getByTestId("import-result").waitFor();
    await expect.poll(() => documentText(page)).toBe("Imported text that replaces everything.");

    await page.getByTestId("import-undo").click();
    await page.getByTestId("import-undone").waitFor();
    await page.getByTestId("import-confirm").click();
    await expect.poll(() => documentText(page)).toBe("Handwritten paragraph before the import.");
    expect(await editorText(page).textContent()).not.toContain("Imported text");
  });
});
