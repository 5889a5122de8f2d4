import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { editorText, focusEndOfText, newPersonContext, openSection } from "./browser";
import { useBrowserSuite } from "./useBrowserSuite";

describe("tables, boxes, cross-references and languages in the editor", () => {
  const suite = useBrowserSuite();
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await newPersonContext(suite.browser, suite.url, "Layla Haddad");
    page = await openSection(context, suite.url, "p2-technology");
  });

  it("captions a table, boxes paragraphs and refers to a paragraph by its number", async () => {
    const editor = editorText(page);
    await focusEndOfText(page);
    await page.keyboard.press("Enter");
    await page.keyboard.type("Broadband reached most households.");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Insert table" }).click();
    await page.getByRole("textbox", { name: "Table title" }).fill("Fixed broadband");
    await page.getByRole("textbox", { name: "Source" }).fill("ITU, 2024.");
    const table = editor.locator(".tableWrapper");
    await expect.poll(() => table.getAttribute("data-caption-title")).toBe("Fixed broadband");
    expect(await table.getAttribute("data-caption-source")).toBe("ITU, 2024.");

    await focusEndOfText(page);
    await page.keyboard.press("Enter");
    await page.keyboard.type("Open-source tools serve ministries.");
    await page.getByRole("button", { name: "Put the selected paragraphs in a box" }).click();
    await page.getByRole("textbox", { name: "Box title" }).fill("Digital public goods");
    await expect
      .poll(() => editor.locator("aside.box").getAttribute("data-title"))
      .toBe("Digital public goods");

    await focusEndOfText(page);
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await page.keyboard.type("As noted in para. ");
    const picker = page.getByRole("combobox", { name: "Insert a cross-reference" });
    const option = picker.locator("option", { hasText: "Broadband reached most" });
    const label = (await option.textContent()) ?? "";
    const number = /¶ (\d+):/.exec(label)?.[1];
    expect(number).toBeDefined();
    await picker.selectOption({ label });
    await expect.poll(() => editor.locator(".cross-ref").textContent()).toBe(number);
    expect(await editor.locator("p[data-anchor]").textContent()).toBe(
      "Broadband reached most households.",
    );

    // A paragraph added above moves the number on.
    await editor.locator("p[data-anchor]").click();
    await page.keyboard.press("Home");
    await page.keyboard.press("Enter");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.type("A new paragraph.");
    await expect
      .poll(() => editor.locator(".cross-ref").textContent())
      .toBe(String(Number(number) + 1));
  });

  it("shows Arabic right to left, and keeps a language set by hand after a reload", async () => {
    const editor = editorText(page);
    await focusEndOfText(page);
    await page.keyboard.press("Enter");
    await page.keyboard.type("تقرير الأمين العام");
    const arabic = editor.locator("p", { hasText: "تقرير الأمين العام" });
    expect(await arabic.evaluate((p) => getComputedStyle(p).direction)).toBe("rtl");
    await page
      .getByRole("combobox", { name: "Language of the paragraph" })
      .selectOption({ label: "Arabic" });
    await expect.poll(() => arabic.getAttribute("lang")).toBe("ar");
    expect(await arabic.getAttribute("dir")).toBe("rtl");

    // What the server stored (it refuses what its schema check refuses) comes back on reload.
    await page.reload();
    const reloaded = editorText(page);
    await expect.poll(() => reloaded.locator("p[lang=ar]").count()).toBe(1);
    expect(await reloaded.locator(".tableWrapper").getAttribute("data-caption-title")).toBe(
      "Fixed broadband",
    );
    expect(await reloaded.locator("aside.box").count()).toBe(1);
    expect(await reloaded.locator(".cross-ref").count()).toBe(1);
  });
});
