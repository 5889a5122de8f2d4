import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { exportFile, importFile } from "../api/apiFiles";
import { callApi } from "../support/callApi";
import { loginAs } from "../support/serverProcess";
import { documentText, editorText, lengthFigure, newPersonContext, openSection } from "./browser";
import { useBrowserSuite } from "./useBrowserSuite";

/** The Markdown export of one section, as a signed-in browser downloads it. */
async function sectionMarkdown(url: string, cookie: string, sectionId: string): Promise<string> {
  const answer = await exportFile(url, cookie, `format=md&section=${sectionId}`);
  expect(answer.status).toBe(200);
  return answer.text;
}

/** "Footnote 1: text" for every reference of the open section, in document order. */
function noteTitles(page: Page): Promise<(string | null)[]> {
  return editorText(page)
    .locator(".footnote-ref")
    .evaluateAll((refs) => refs.map((ref) => ref.getAttribute("title")));
}

/** Clicks in the section's text just after the first `word` (the caret goes there). */
async function clickAfter(page: Page, word: string): Promise<void> {
  const point = await editorText(page).evaluate((root, word) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(word) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + word.length);
      const rect = range.getBoundingClientRect();
      return { x: rect.right + 1, y: rect.top + rect.height / 2 };
    }
    return null;
  }, word);
  if (!point) throw new Error(`"${word}" is not in the text`);
  await page.mouse.click(point.x, point.y);
}

/**
 * Waits until every page shows exactly the notes `texts`, each whole, and returns their texts
 * in document order, which must be the same on every page and numbered 1, 2, ...
 */
async function sameNotesInBoth(pages: Page[], texts: string[]): Promise<string[]> {
  const textsOf = async (page: Page) =>
    (await noteTitles(page)).map((title) => title?.replace(/^Footnote \d+: /, "") ?? "");
  const [first] = pages as [Page];
  await expect
    .poll(async () => (await textsOf(first)).sort(), { timeout: 10_000 })
    .toEqual([...texts].sort());
  const order = await textsOf(first);
  const titles = order.map((text, i) => `Footnote ${i + 1}: ${text}`);
  for (const page of pages) {
    await expect.poll(() => noteTitles(page), { timeout: 10_000 }).toEqual(titles);
    expect(await editorText(page).locator(".footnote-ref__number").allTextContents()).toEqual(
      texts.map((_, i) => String(i + 1)),
    );
  }
  return order;
}

describe("footnotes in the editor", () => {
  const suite = useBrowserSuite();
  let cookie: string;
  let amina: BrowserContext;
  let hiro: BrowserContext;

  beforeAll(async () => {
    cookie = await loginAs(suite.url, "editor");
    for (const [id, text] of [
      ["p1-access", "Access to the Internet has grown."],
      ["p1-ecosystem", "Both drafters cite sources here."],
      ["p1-sectors", "One place for two notes."],
    ] as const) {
      expect((await importFile(suite.url, cookie, id, `${id}.md`, `${text}\n`)).status).toBe(200);
    }
    amina = await newPersonContext(suite.browser, suite.url, "Amina Diallo");
    hiro = await newPersonContext(suite.browser, suite.url, "Hiro Tanaka");
  });

  /** The section's Markdown export once `ready` holds for it (the server stores edits shortly). */
  async function exported(sectionId: string, ready: (markdown: string) => boolean) {
    await expect
      .poll(async () => ready(await sectionMarkdown(suite.url, cookie, sectionId)), {
        timeout: 10_000,
      })
      .toBe(true);
    return sectionMarkdown(suite.url, cookie, sectionId);
  }

  it("keeps emphasis and links in a note, refusing javascript: links", async () => {
    const page = await openSection(amina, suite.url, "p1-access");
    const editor = editorText(page);
    await editor.locator("p", { hasText: "has grown" }).click();
    await page.keyboard.press("End");
    await page.getByRole("button", { name: "Insert footnote" }).click();
    const popover = editor.locator(".footnote-popover");
    await popover.waitFor();
    await page.keyboard.type("See the ");
    await page.keyboard.press("Control+i");
    await page.keyboard.type("Measuring");
    await page.keyboard.press("Control+i");
    await page.keyboard.type(" report");
    await page.keyboard.press("Control+Shift+ArrowLeft");

    // Ctrl-K in the note asks for the address; a script is refused with a clear message.
    await page.keyboard.press("Control+k");
    await page.getByRole("heading", { name: "Insert link in footnote 1" }).waitFor();
    await page.getByTestId("link-input").fill("javascript:alert(1)");
    await page.getByTestId("link-submit").click();
    await page
      .getByRole("alert")
      .filter({ hasText: "“javascript:” links are not allowed" })
      .waitFor();
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByTestId("link-input").count()).toBe(0);
    expect(await popover.locator("a").count()).toBe(0);

    // The popover's link button, on the same selection.
    await popover.getByRole("button", { name: "Link" }).click();
    await page.getByTestId("link-input").fill("https://www.itu.int/measuring");
    await page.getByTestId("link-submit").click();
    const link = popover.locator("a");
    await expect.poll(() => link.getAttribute("href")).toBe("https://www.itu.int/measuring");
    expect(await link.textContent()).toBe("report");
    expect(await link.evaluate((a) => getComputedStyle(a).textDecorationLine)).toContain(
      "underline",
    );
    expect(await popover.locator("em").textContent()).toBe("Measuring");
    expect(await popover.locator("a[href^='javascript']").count()).toBe(0);
    // The caret is back in the note, after the linked word.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label")))
      .toBe("Footnote text");
    await page.keyboard.type(".");
    await expect
      .poll(() => popover.locator(".ProseMirror").textContent())
      .toBe("See the Measuring report.");
    expect(await popover.getByRole("button", { name: "Link" }).getAttribute("aria-pressed")).toBe(
      "false",
    );

    // Escape leaves the note: the caret is in the text just after the reference.
    await page.keyboard.press("Escape");
    await expect.poll(() => popover.count()).toBe(0);
    await page.keyboard.type(" Since 2015.");
    await expect
      .poll(() => documentText(page))
      .toBe("Access to the Internet has grown.1 Since 2015.");
    expect(await noteTitles(page)).toEqual(["Footnote 1: See the Measuring report."]);

    await expect
      .poll(() => sectionMarkdown(suite.url, cookie, "p1-access"), { timeout: 10_000 })
      .toContain("[^1]:");
    const markdown = await sectionMarkdown(suite.url, cookie, "p1-access");
    expect(markdown).toMatch(
      /\[\^1\]: See the (\*Measuring\*|_Measuring_) \[report\]\(https:\/\/www\.itu\.int\/measuring\)\./,
    );
    expect(markdown).toContain("has grown.[^1] Since 2015.");

    // The Length panel counts the note's words against the allocation (footnotes count by
    // default), as /api/report does.
    await expect.poll(() => lengthFigure(page, "Counted")).toBe(12);
    expect(await lengthFigure(page, "Words")).toBe(8);
    expect(await lengthFigure(page, "In footnotes")).toBe(4);
    expect(await page.getByTestId("length-remaining").textContent()).toContain(
      "Footnote words are counted.",
    );
    await expect
      .poll(
        async () =>
          (await callApi(suite.url, cookie, "GET", "/report")).body.sections.find(
            (s: { id: string }) => s.id === "p1-access",
          ).counted,
        { timeout: 10_000 },
      )
      .toBe(12);
    await page.close();
  });

  it("lets two people add and edit notes in one paragraph at once, numbered in order", async () => {
    const pages = await Promise.all([
      openSection(amina, suite.url, "p1-ecosystem"),
      openSection(hiro, suite.url, "p1-ecosystem"),
    ]);
    const [aminaPage, hiroPage] = pages as [Page, Page];
    for (const page of pages) await editorText(page).locator("p", { hasText: "cite" }).waitFor();
    // Amina's note goes at the end of the sentence, Hiro's after its first word, before hers.
    await editorText(aminaPage).locator("p", { hasText: "cite" }).click();
    await aminaPage.keyboard.press("End");
    await clickAfter(hiroPage, "Both");

    await Promise.all(
      pages.map((page) => page.getByRole("button", { name: "Insert footnote" }).click()),
    );
    await Promise.all([
      aminaPage.keyboard.type("Note by Amina, typed while Hiro types his.", { delay: 25 }),
      hiroPage.keyboard.type("Note by Hiro, typed at the same time.", { delay: 25 }),
    ]);
    await Promise.all(pages.map((page) => page.keyboard.press("Escape")));

    const hisNote = "Note by Hiro, typed at the same time.";
    const herNote = "Note by Amina, typed while Hiro types his.";
    const order = await sameNotesInBoth(pages, [hisNote, herNote]);
    // No text is lost and Hiro's reference is where he put it. (Amina's may not be: when his
    // note splits the sentence just before she inserts hers, y-tiptap re-creates the text after
    // it and restores her caret only approximately.)
    for (const page of pages) {
      const text = await documentText(page);
      expect(text.replace(/[12]/g, "")).toBe("Both drafters cite sources here.");
      expect(text).toMatch(new RegExp(`^Both\\d?${order.indexOf(hisNote) + 1} drafters`));
    }
    const markdown = await exported(
      "p1-ecosystem",
      (md) => md.includes(herNote) && md.includes(hisNote),
    );
    expect(markdown).toContain(`[^1]: ${order[0]}`);
    expect(markdown).toContain(`[^2]: ${order[1]}`);

    // Deleting a reference deletes its note; the other note is numbered again.
    await editorText(aminaPage)
      .locator('.footnote-ref[title*="Note by Hiro"] .footnote-ref__number')
      .click();
    await editorText(aminaPage).locator(".footnote-popover").waitFor();
    await aminaPage.keyboard.press("Escape");
    await aminaPage.keyboard.press("Backspace");
    for (const page of pages) {
      await expect
        .poll(() => noteTitles(page), { timeout: 10_000 })
        .toEqual([`Footnote 1: ${herNote}`]);
      expect((await documentText(page)).replace("1", "")).toBe("Both drafters cite sources here.");
    }
    const after = await exported("p1-ecosystem", (md) => !md.includes(hisNote));
    expect(after).toContain(`[^1]: ${herNote}`);
    expect(after).not.toContain("[^2]");
    await Promise.all(pages.map((page) => page.close()));
  });

  it("keeps two notes added at the very same place apart, in the same order for both", async () => {
    const pages = await Promise.all([
      openSection(amina, suite.url, "p1-sectors"),
      openSection(hiro, suite.url, "p1-sectors"),
    ]);
    const [aminaPage, hiroPage] = pages as [Page, Page];
    for (const page of pages) await editorText(page).locator("p", { hasText: "notes" }).waitFor();
    for (const page of pages) {
      await editorText(page).locator("p", { hasText: "notes" }).click();
      await page.keyboard.press("End");
    }
    // Both notes are empty when they meet: only their identity tells them apart.
    await Promise.all(
      pages.map((page) => page.getByRole("button", { name: "Insert footnote" }).click()),
    );
    await Promise.all([
      aminaPage.keyboard.type("Amina's source.", { delay: 25 }),
      hiroPage.keyboard.type("Hiro's source.", { delay: 25 }),
    ]);
    await Promise.all(pages.map((page) => page.keyboard.press("Escape")));

    const order = await sameNotesInBoth(pages, ["Amina's source.", "Hiro's source."]);
    const markdown = await exported("p1-sectors", (md) => md.includes("[^2]:"));
    expect(markdown).toContain(`notes.[^1][^2]`);
    expect(markdown).toContain(`[^1]: ${order[0]}`);
    expect(markdown).toContain(`[^2]: ${order[1]}`);
    await Promise.all(pages.map((page) => page.close()));
  });
});
