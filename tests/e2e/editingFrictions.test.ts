import { describe, expect, it } from "vitest";
import { editorText, focusEndOfText, openSection, waitUntilConnected } from "./browser";
import { pasteInto } from "./pasteInto";
import { contextFor, useBrowserSuite } from "./useBrowserSuite";

const UN_DATE =
  /^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/;

describe("editing frictions", () => {
  const suite = useBrowserSuite();

  it("ends a link where it ends: a full stop typed after it is not linked", async () => {
    const context = await contextFor(suite, "drafter");
    const page = await openSection(context, suite.url, "p2-governance");
    await focusEndOfText(page);
    await pasteInto(page, { "text/html": '<a href="https://un.org">United Nations</a>' });
    await page.keyboard.type(". Next");
    const editor = editorText(page);
    await expect.poll(() => editor.textContent()).toContain("United Nations. Next");
    expect(await editor.locator("a").allTextContents()).toEqual(["United Nations"]);
    await context.close();
  });

  it("never scrolls the app shell: the header stays in view when the text scrolls", async () => {
    const context = await contextFor(suite, "drafter");
    const page = await openSection(context, suite.url, "p2-governance");
    await focusEndOfText(page);
    const long = Array.from({ length: 80 }, (_, i) => `Paragraph ${i + 1} of a long draft.`).join(
      "\n\n",
    );
    await pasteInto(page, { "text/plain": long });
    await expect.poll(() => editorText(page).textContent()).toContain("Paragraph 80");
    const after = await page.evaluate(() => {
      const main = document.querySelector(".app__main") as HTMLElement;
      main.scrollTop = main.scrollHeight;
      window.scrollTo(0, 10_000);
      const header = document.querySelector(".app-header") as HTMLElement;
      return {
        pageScroll: document.scrollingElement?.scrollTop ?? -1,
        pageHeight: document.documentElement.scrollHeight,
        viewport: window.innerHeight,
        paneScroll: main.scrollTop,
        headerTop: header.getBoundingClientRect().top,
      };
    });
    expect(after.paneScroll).toBeGreaterThan(500);
    expect(after.pageScroll).toBe(0);
    expect(after.pageHeight).toBeLessThanOrEqual(after.viewport);
    expect(after.headerTop).toBe(0);
    expect(await page.getByTestId("connection-state").isVisible()).toBe(true);
    await context.close();
  });

  it("asks to confirm approval (keyboard operable, focus returns), then locks; typing there says why and does not scroll", {
    timeout: 60_000,
  }, async () => {
    const editorContext = await contextFor(suite, "editor");
    const editorPage = await openSection(editorContext, suite.url, "p3-innovation");
    const approve = editorPage.getByRole("button", { name: "Approve and lock" });
    await approve.click();
    const dialog = editorPage.getByTestId("confirm-approve");
    await dialog.waitFor();
    await editorPage.keyboard.press("Escape");
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await editorPage.evaluate(() => document.activeElement?.textContent)).toBe(
      "Approve and lock",
    );
    expect(await editorPage.getByTestId("section-status").textContent()).not.toBe("Approved");
    // Keyboard only: Enter opens it, focus is on Cancel, Tab reaches the confirmation.
    await editorPage.keyboard.press("Enter");
    await dialog.waitFor();
    expect(await editorPage.evaluate(() => document.activeElement?.textContent)).toBe("Cancel");
    await editorPage.keyboard.press("Tab");
    await editorPage.keyboard.press("Enter");
    await expect
      .poll(() => editorPage.getByTestId("section-status").textContent())
      .toBe("Approved");

    const context = await contextFor(suite, "drafter");
    const page = await openSection(context, suite.url, "p3-innovation");
    await editorText(page).click();
    const scrollBefore = await page.evaluate(() => document.querySelector(".app__main")?.scrollTop);
    await page.keyboard.type("x  ");
    await expect
      .poll(() => page.getByTestId("editor-notice").textContent())
      .toContain("This section is approved and locked; ask an editor to reopen it");
    expect(await page.evaluate(() => document.querySelector(".app__main")?.scrollTop)).toBe(
      scrollBefore,
    );
    expect(await page.evaluate(() => document.scrollingElement?.scrollTop)).toBe(0);
    await context.close();
    await editorContext.close();
  });

  it("lists one person once under 'In this section', whatever the number of tabs", async () => {
    const context = await contextFor(suite, "drafter");
    const first = await openSection(context, suite.url, "p2-equality");
    const second = await openSection(context, suite.url, "p2-equality");
    const other = await contextFor(suite, "reviewer");
    const reviewerPage = await openSection(other, suite.url, "p2-equality");
    await waitUntilConnected(second);
    const names = (page: typeof first) =>
      page
        .getByTestId("presence")
        .locator("li")
        .evaluateAll((items) => items.map((i) => i.getAttribute("data-name")));
    await expect.poll(async () => (await names(first)).length).toBe(2);
    expect(new Set(await names(first)).size).toBe(2);
    await expect.poll(async () => (await names(reviewerPage)).length).toBe(2);
    await context.close();
    await other.close();
  });

  it("shows dates in the UN style (7 December 2026) on the users and audit pages", async () => {
    const context = await contextFor(suite, "editor");
    const page = await context.newPage();
    await page.goto(`${suite.url}/users`);
    const created = page.locator("td.muted").filter({ hasText: /\d{4}/ }).first();
    await created.waitFor();
    expect(await created.textContent()).toMatch(UN_DATE);
    await page.goto(`${suite.url}/audit`);
    const at = page.locator("td.nowrap").first();
    await at.waitFor();
    expect(await at.textContent()).toMatch(new RegExp(`${UN_DATE.source}, \\d{2}:\\d{2}$`));
    await context.close();
  });
});
