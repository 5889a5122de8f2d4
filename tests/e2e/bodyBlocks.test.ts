import { wordText, zipEntry } from "@rapporteur/docx/testing";
import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { exportFile } from "../api/apiFiles";
import { loginAs } from "../support/serverProcess";
import { editorText, focusEndOfText, newPersonContext, openSection, selectPhrase } from "./browser";
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

  it("marks a span as Arabic from the keyboard: shown right to left, an Arabic run in the DOCX, a bracketed span in Markdown", async () => {
    const editor = editorText(page);
    const motto = "التنمية للجميع";
    await focusEndOfText(page);
    await page.keyboard.press("Enter");
    await page.keyboard.type(
      `The General Assembly adopted the motto ${motto} for the whole review of the Summit.`,
    );
    // The new paragraph continues the Arabic one above: it is English.
    await page
      .getByRole("combobox", { name: "Language of the paragraph" })
      .selectOption({ label: "English" });
    await selectPhrase(page, motto);
    const spanLanguage = page.getByRole("combobox", { name: "Language of the selected text" });
    await expect.poll(() => spanLanguage.isEnabled()).toBe(true);
    // Alt+F10 goes to the toolbar; Tab on to the language lists.
    await page.keyboard.press("Alt+F10");
    for (let i = 0; i < 10; i++) {
      if (await spanLanguage.evaluate((el) => el === document.activeElement)) break;
      await page.keyboard.press("Tab");
    }
    expect(await spanLanguage.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("ArrowDown"); // Arabic, the first of the six
    expect(await editor.locator("span[lang]").count()).toBe(0);
    await page.keyboard.press("Enter");

    const span = editor.locator("span[lang=ar]");
    await expect.poll(() => span.textContent()).toBe(motto);
    expect(await span.getAttribute("dir")).toBe("rtl");
    expect(await span.evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
    const paragraph = editor.locator("p", { hasText: "The General Assembly adopted" });
    expect(await paragraph.getAttribute("lang")).toBe("en");
    expect(await paragraph.getAttribute("dir")).toBe("ltr");
    // The toolbar shows the span's language while the caret is in it.
    await expect.poll(() => spanLanguage.inputValue()).toBe("ar");

    const cookie = await loginAs(suite.url, "editor");
    const runOf = async () => {
      const file = await exportFile(suite.url, cookie, "format=docx");
      const xml = zipEntry(file.bytes, "word/document.xml") ?? "";
      const cited = [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)]
        .map((m) => m[0])
        .find((x) => wordText(x).startsWith("The General Assembly adopted"));
      return {
        paragraph: cited ?? "",
        run: [...(cited ?? "").matchAll(/<w:r>.*?<\/w:r>/gs)]
          .map((m) => m[0])
          .find((r) => wordText(r) === motto),
      };
    };
    await expect.poll(async () => (await runOf()).run).toBeDefined();
    const { paragraph: exported, run } = await runOf();
    expect(run).toContain('<w:lang w:bidi="ar-SA"/>');
    expect(run).toContain("<w:rtl/>");
    // The English paragraph around it stays left to right.
    expect(exported).not.toContain("<w:bidi/>");

    const markdown = await exportFile(suite.url, cookie, "format=md");
    expect(markdown.text).toContain(`motto [${motto}]{lang=ar} for the whole review`);
  });
});
