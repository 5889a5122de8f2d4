import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { documentText, editorText, focusEndOfText, newPersonContext, openSection } from "./browser";
import { useBrowserSuite } from "./useBrowserSuite";

describe("the formatting toolbar", () => {
  const suite = useBrowserSuite();
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await newPersonContext(suite.browser, suite.url, "Hiro Tanaka");
  });

  it("writes the structures a UN report uses", async () => {
    page = await openSection(context, suite.url, "p3-opportunities");
    const editor = editorText(page);
    await focusEndOfText(page);
    await page.getByRole("button", { name: "Sub-heading" }).click();
    await page.keyboard.type("Priorities");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Three priorities stand out: ");
    await page.keyboard.press("Control+b");
    await page.keyboard.type("connectivity");
    await page.keyboard.press("Control+b");
    await page.keyboard.type(" and ");
    await page.getByRole("button", { name: "Italic" }).click();
    await page.keyboard.type("skills");
    await page.getByRole("button", { name: "Italic" }).click();
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Bulleted list" }).click();
    await page.keyboard.type("finance");
    await page.keyboard.press("Enter");
    await page.keyboard.type("data");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Minor heading" }).click();
    await page.keyboard.type("Sources");

    await expect.poll(() => editor.locator("h3").textContent()).toBe("Priorities");
    expect(await editor.locator("h4").textContent()).toBe("Sources");
    expect(await editor.locator("strong").textContent()).toBe("connectivity");
    expect(await editor.locator("em").textContent()).toBe("skills");
    expect(await editor.locator("ul > li").allTextContents()).toEqual(["finance", "data"]);

    // Undo and redo go through Yjs (only this person's own changes).
    await page.keyboard.press("Control+z");
    await expect.poll(() => documentText(page)).not.toContain("Sources");
    await page.keyboard.press("Control+Shift+z");
    await expect.poll(() => editor.locator("h4").textContent()).toBe("Sources");
  });

  it("links only to web and e-mail addresses", async () => {
    const editor = editorText(page);
    await focusEndOfText(page);
    await page.keyboard.press("Enter");
    await page.keyboard.type("See ");
    await page.keyboard.press("Control+k");
    await page.getByTestId("link-input").fill("javascript:alert(1)");
    await page.getByTestId("link-submit").click();
    await page.getByRole("alert").filter({ hasText: "web address" }).waitFor();
    await page.getByTestId("link-input").fill("unctad.org/cstd");
    await page.getByTestId("link-submit").click();
    await expect
      .poll(() => editor.locator("a").getAttribute("href"))
      .toBe("https://unctad.org/cstd");
    expect(await editor.locator("a[href^='javascript']").count()).toBe(0);
  });

  it("builds a table with a header row and grows it", async () => {
    const editor = editorText(page);
    await focusEndOfText(page);
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Insert table" }).click();
    await expect.poll(() => editor.locator("table th").count()).toBe(3);
    expect(await editor.locator("table tr").count()).toBe(3);
    await page.getByRole("button", { name: "Add row below" }).click();
    await page.getByRole("button", { name: "Add column to the right" }).click();
    await expect.poll(() => editor.locator("table tr").count()).toBe(4);
    expect(await editor.locator("table tr").first().locator("th").count()).toBe(4);
    await page.getByRole("button", { name: "Delete table" }).click();
    await expect.poll(() => editor.locator("table").count()).toBe(0);
  });

  it("numbers footnotes in document order and edits their text", async () => {
    const editor = editorText(page);
    await editor.locator("p", { hasText: "Three priorities" }).click();
    await page.keyboard.press("End");
    await page.getByRole("button", { name: "Insert footnote" }).click();
    await page.keyboard.type("Later note.");
    await page.keyboard.press("Escape");
    await expect
      .poll(() => editor.locator(".footnote-ref__number").allTextContents())
      .toEqual(["1"]);

    // A note added before the first one takes number 1: numbers are computed, not stored.
    await editor.locator("h3").click();
    await page.keyboard.press("End");
    await page.keyboard.press("Control+Alt+f");
    await page.keyboard.type("Earlier note.");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => editor.locator(".footnote-ref__number").allTextContents())
      .toEqual(["1", "2"]);
    expect(await editor.locator(".footnote-ref").first().getAttribute("title")).toBe(
      "Footnote 1: Earlier note.",
    );
    expect(await editor.locator(".footnote-ref").nth(1).getAttribute("title")).toBe(
      "Footnote 2: Later note.",
    );
    // The note's text is not part of the body text.
    expect(await documentText(page)).not.toContain("Later note.");
  });
});
