import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type CollabClient, connectCollabClient } from "../support/collabClient";
import { loginAs, type ServerProcess, startServerProcess } from "../support/serverProcess";
import { documentText, launchBrowser, openSection, signedInContext } from "./browser";

const SECTION = "p1-access";
const TEXT = [
  "The Summit set out a people-centred vision of the information society.",
  "Broadband access has grown in every region since 2005.",
  "Gaps remain in affordability and digital skills.",
];

/** Selects `phrase` in the section's text with the mouse, as a person would. */
async function selectText(page: Page, phrase: string): Promise<void> {
  const box = await page.evaluate((wanted) => {
    const root = document.querySelector('[data-testid="editor"] .ProseMirror');
    if (!root) throw new Error("No editor");
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const rects = range.getClientRects();
      const first = rects[0];
      const last = rects[rects.length - 1];
      if (!first || !last) break;
      return {
        x1: first.left + 1,
        y1: first.top + first.height / 2,
        x2: last.right - 1,
        y2: last.top + last.height / 2,
      };
    }
    throw new Error(`"${wanted}" is not in the editor`);
  }, phrase);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(phrase);
}

/**
 * The text of the highlighted ranges of open threads, one entry per thread (by `data-thread-id`);
 * a resolved thread is only shown faintly while it is open in the panel, and is not counted.
 */
async function highlights(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const texts: Record<string, string> = {};
    for (const element of document.querySelectorAll<HTMLElement>(
      '[data-testid="editor"] .comment-highlight:not(.is-resolved)',
    )) {
      // Nested highlights (overlapping threads): each element counts for its own thread.
      const id = element.dataset.threadId ?? "";
      texts[id] = (texts[id] ?? "") + (element.textContent ?? "");
    }
    return texts;
  });
}

const thread = (page: Page, text: string) =>
  page.getByTestId("comment-thread").filter({ hasText: text });

/** Comments on the selected text through the panel's form. */
async function comment(page: Page, phrase: string, text: string): Promise<void> {
  await selectText(page, phrase);
  await page.getByTestId("comment-button").click();
  const form = page.getByTestId("new-comment-form");
  await form.locator("textarea").fill(text);
  await form.getByRole("button", { name: "Comment" }).click();
  await form.waitFor({ state: "detached" });
}

describe("comments in Chromium", () => {
  let server: ServerProcess;
  let browser: Browser;
  let reviewer: BrowserContext;
  let drafter: BrowserContext;
  let writer: CollabClient;
  const dialogs: string[] = [];

  const watch = (page: Page) => {
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    return page;
  };

  beforeAll(async () => {
    server = await startServerProcess();
    writer = connectCollabClient(server.url, SECTION, {
      cookie: await loginAs(server.url, "drafter"),
    });
    await writer.synced;
    writer.doc.transact(() => {
      for (const text of TEXT) {
        const paragraph = new Y.XmlElement("paragraph");
        paragraph.insert(0, [new Y.XmlText(text)]);
        writer.fragment.push([paragraph]);
      }
    });
    browser = await launchBrowser();
    reviewer = await signedInContext(browser, server.url, "reviewer");
    drafter = await signedInContext(browser, server.url, "drafter");
  });

  afterAll(async () => {
    writer?.destroy();
    await browser?.close();
    await server?.stop();
  });

  it("a reviewer comments on selected text; a drafter sees it live, replies and resolves; all of it survives a restart", {
    timeout: 90_000,
  }, async () => {
    const reviewerPage = watch(await openSection(reviewer, server.url, SECTION));
    const drafterPage = watch(await openSection(drafter, server.url, SECTION));
    await expect.poll(() => documentText(reviewerPage)).toContain("people-centred vision");
    await expect.poll(() => documentText(drafterPage)).toContain("people-centred vision");

    // The reviewer's editor is read-only, yet selecting and commenting work.
    await comment(reviewerPage, "people-centred vision", "Cite the Geneva Declaration here.");
    await thread(reviewerPage, "Cite the Geneva Declaration here.").waitFor();

    // The drafter sees the thread and its highlight without reloading.
    await thread(drafterPage, "Cite the Geneva Declaration here.").waitFor();
    await expect
      .poll(async () => Object.values(await highlights(drafterPage)))
      .toEqual(["people-centred vision"]);
    expect(await drafterPage.getByTestId(`open-comments-${SECTION}`).textContent()).toMatch(/1/);

    // Clicking the highlight opens the thread; the drafter replies.
    await drafterPage
      .locator('[data-testid="editor"] .comment-highlight')
      .first()
      .click({ position: { x: 4, y: 4 } });
    const drafterThread = thread(drafterPage, "Cite the Geneva Declaration here.");
    await expect.poll(() => drafterThread.getAttribute("aria-current")).toBe("true");
    await drafterThread.getByTestId("reply-form").locator("textarea").fill("Added the citation.");
    await drafterThread.getByRole("button", { name: "Reply" }).click();
    await thread(reviewerPage, "Added the citation.").waitFor();

    // The drafter resolves it: resolved for the reviewer too, and no longer highlighted.
    await drafterThread.getByRole("button", { name: "Resolve" }).click();
    await expect
      .poll(() =>
        thread(reviewerPage, "Cite the Geneva Declaration here.").getAttribute("data-state"),
      )
      .toBe("resolved");
    await expect.poll(() => highlights(reviewerPage)).toEqual({});
    await expect
      .poll(async () => (await drafterPage.getByTestId(`open-comments-${SECTION}`).count()) === 0)
      .toBe(true);

    // Clicking the thread selects its words in the text.
    await thread(reviewerPage, "Cite the Geneva Declaration here.").click({
      position: { x: 8, y: 8 },
    });
    await expect
      .poll(() => reviewerPage.evaluate(() => window.getSelection()?.toString()))
      .toBe("people-centred vision");

    // A server restart on the same data: the thread, its reply and its state are still there.
    writer.destroy();
    await reviewerPage.close();
    await drafterPage.close();
    await server.stop();
    server = await startServerProcess({ dataDir: server.dataDir });
    writer = connectCollabClient(server.url, SECTION, {
      cookie: await loginAs(server.url, "drafter"),
    });
    await writer.synced;
    reviewer = await signedInContext(browser, server.url, "reviewer");
    drafter = await signedInContext(browser, server.url, "drafter");
    const after = await openSection(drafter, server.url, SECTION);
    const restored = thread(after, "Cite the Geneva Declaration here.");
    await restored.waitFor();
    expect(await restored.getAttribute("data-state")).toBe("resolved");
    expect(await restored.getByTestId("comment-reply").textContent()).toContain(
      "Added the citation.",
    );
    expect(await restored.getByTestId("comment-quote").textContent()).toBe("people-centred vision");
    await restored.getByRole("button", { name: "Reopen" }).click();
    await expect
      .poll(async () => Object.values(await highlights(after)))
      .toEqual(["people-centred vision"]);
    await after.close();
  });

  it("the highlight stays on its words while another client edits before, inside and after it", async () => {
    const reviewerPage = watch(await openSection(reviewer, server.url, SECTION));
    await expect.poll(() => documentText(reviewerPage)).toContain("grown in every region");
    await comment(reviewerPage, "access has grown in every region", "Which regions?");
    await expect
      .poll(async () => Object.values(await highlights(reviewerPage)))
      .toContain("access has grown in every region");

    const paragraphText = (index: number) => {
      const element = writer.fragment.get(index) as Y.XmlElement;
      return element.get(0) as Y.XmlText;
    };
    const indexOf = (index: number, words: string) => {
      const at = paragraphText(index).toString().indexOf(words);
      if (at === -1) throw new Error(`"${words}" is not in paragraph ${index}`);
      return at;
    };
    // Before: a new first paragraph, words removed and added earlier in the text.
    writer.doc.transact(() => {
      const intro = new Y.XmlElement("paragraph");
      intro.insert(0, [new Y.XmlText("A new opening paragraph.")]);
      writer.fragment.insert(0, [intro]);
    });
    paragraphText(1).delete(indexOf(1, "The Summit "), "The Summit ".length);
    paragraphText(2).insert(0, "Today, ");
    // Inside: a word added, another removed.
    paragraphText(2).insert(indexOf(2, "grown"), "rapidly ");
    paragraphText(2).delete(indexOf(2, "every "), "every ".length);
    // After: the end of the sentence rewritten.
    paragraphText(2).delete(indexOf(2, " since 2005"), " since 2005".length);
    paragraphText(2).insert(indexOf(2, "."), " and beyond");

    await expect
      .poll(() => documentText(reviewerPage))
      .toContain("Today, Broadband access has rapidly grown in region and beyond.");
    await expect
      .poll(async () => Object.values(await highlights(reviewerPage)))
      .toContain("access has rapidly grown in region");
    // The other thread (reopened above) is still on its words too.
    expect(Object.values(await highlights(reviewerPage))).toContain("people-centred vision");

    // A drafter opening the section now sees the same words highlighted.
    const drafterPage = watch(await openSection(drafter, server.url, SECTION));
    await expect
      .poll(async () => Object.values(await highlights(drafterPage)).sort())
      .toEqual(["access has rapidly grown in region", "people-centred vision"]);
    await drafterPage.close();
    await reviewerPage.close();
  });

  it("a reviewer suggests a replacement; a drafter accepts it and everyone's text changes", async () => {
    const reviewerPage = watch(await openSection(reviewer, server.url, SECTION));
    const drafterPage = watch(await openSection(drafter, server.url, SECTION));
    await expect.poll(() => documentText(reviewerPage)).toContain("digital skills");

    await selectText(reviewerPage, "digital skills");
    await reviewerPage.keyboard.press("Control+Alt+KeyM");
    const form = reviewerPage.getByTestId("new-comment-form");
    await form.locator("textarea").fill("Be specific.");
    await form.getByLabel("Suggest replacement").check();
    await form.getByLabel("Replacement text").fill("basic and advanced digital skills");
    await form.getByRole("button", { name: "Comment" }).click();

    const offered = thread(drafterPage, "Be specific.");
    await offered.getByTestId("comment-suggestion").waitFor();
    // Reviewers see the suggestion but cannot decide it.
    const own = thread(reviewerPage, "Be specific.");
    await own.getByTestId("comment-suggestion").waitFor();
    expect(await own.getByRole("button", { name: "Accept" }).count()).toBe(0);

    await offered.getByRole("button", { name: "Accept" }).click();
    const changed = "Gaps remain in affordability and basic and advanced digital skills.";
    await expect.poll(() => documentText(reviewerPage)).toContain(changed);
    await expect.poll(() => documentText(drafterPage)).toContain(changed);
    await expect
      .poll(() => own.getByTestId("comment-suggestion").textContent())
      .toMatch(/accepted by Demo Drafter/);
    await reviewerPage.close();
    await drafterPage.close();
  });

  it("a comment that looks like markup is shown as text and runs nothing", async () => {
    const payload = '<img src=x onerror=alert(1)> <img src=y onerror="window.__xss=1">';
    const reviewerPage = watch(await openSection(reviewer, server.url, SECTION));
    const drafterPage = watch(await openSection(drafter, server.url, SECTION));
    await expect.poll(() => documentText(reviewerPage)).toContain("affordability");
    await comment(reviewerPage, "affordability", payload);

    for (const page of [drafterPage, reviewerPage]) {
      const shown = thread(page, "onerror=alert(1)");
      await shown.waitFor();
      expect(await shown.locator(".comment-text").first().textContent()).toBe(payload);
      expect(await page.getByTestId("comments-panel").locator("img").count()).toBe(0);
      // Any image that tried to load has had its chance to fail and fire onerror by now.
      await page.waitForLoadState("networkidle");
      expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    }
    // On the Review page too.
    await drafterPage.getByTestId("review-link").click();
    await drafterPage.getByTestId("review-page").waitFor();
    await drafterPage
      .getByTestId("review-thread")
      .filter({ hasText: "onerror=alert(1)" })
      .waitFor();
    expect(await drafterPage.getByTestId("review-page").locator("img").count()).toBe(0);
    expect(await drafterPage.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });
});
