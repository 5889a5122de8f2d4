import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { callApi } from "../support/callApi";
import { loginAs } from "../support/serverProcess";
import { axeViolations } from "./axeScan";
import {
  documentText,
  editorText,
  focusEndOfText,
  newPersonContext,
  openSection,
  signedInContext,
  waitUntilConnected,
} from "./browser";
import { useBrowserSuite } from "./useBrowserSuite";

/** Ids of a part's sections in the order the sidebar shows them. */
function sidebarOrder(page: Page, part: string): Promise<string[]> {
  return page
    .locator(`section[aria-labelledby="outline-part-${part}"] [data-testid^="section-link-"]`)
    .evaluateAll((links) =>
      links.map((link) => (link.getAttribute("data-testid") ?? "").replace("section-link-", "")),
    );
}

/** Ids of a part's sections in the order the outline editor shows them. */
function editorOrder(page: Page, part: string): Promise<string[]> {
  return page
    .getByTestId(`outline-part-${part}`)
    .locator("[data-outline-row]")
    .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-outline-row") ?? ""));
}

/** Marks the open editor's DOM, to tell later whether it is still the same (never remounted). */
async function markEditor(page: Page): Promise<void> {
  await editorText(page).evaluate((element) => {
    (element as HTMLElement & { outlineMark?: boolean }).outlineMark = true;
  });
}

function isSameEditor(page: Page): Promise<boolean> {
  return editorText(page).evaluate(
    (element) => (element as HTMLElement & { outlineMark?: boolean }).outlineMark === true,
  );
}

/** Drags a row by its grip onto the top half of another row (dropped just before it). */
async function dragBefore(page: Page, source: string, target: string): Promise<void> {
  const from = await page.getByTestId(`outline-row-${source}`).boundingBox();
  const to = await page.getByTestId(`outline-row-${target}`).boundingBox();
  if (!from || !to) throw new Error("the rows are not on screen");
  await page.mouse.move(from.x + 16, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 40, from.y + from.height / 2 - 10, { steps: 4 });
  await page.mouse.move(to.x + 200, to.y + 6, { steps: 10 });
  await page.mouse.up();
}

/** Opens a row's actions menu and chooses `item` (the menu item's key). */
async function rowAction(page: Page, sectionId: string, item: string): Promise<void> {
  const row = page.getByTestId(`outline-row-${sectionId}`);
  await row.getByTestId(`section-actions-${sectionId}`).click();
  await row.getByTestId(`menu-${item}`).click();
}

describe("the outline editor in Chromium", () => {
  const suite = useBrowserSuite();
  let editor: BrowserContext;
  let outlinePage: Page;

  beforeAll(async () => {
    // Tall enough for a whole part: rows are dragged without scrolling.
    editor = await signedInContext(suite.browser, suite.url, "editor", {
      viewport: { width: 1440, height: 1600 },
    });
    outlinePage = await editor.newPage();
    await outlinePage.goto(`${suite.url}/outline`);
    await outlinePage.getByTestId("outline-editor").waitFor();
  }, 60_000);

  it("adds a section and moves it by keyboard and by drag and drop; another user's sidebar follows live, and a drafter typing in a renamed and moved section keeps the text", async () => {
    const watcher = await signedInContext(suite.browser, suite.url, "reviewer");
    const watcherPage = await openSection(watcher, suite.url, "intro-overview");
    const typist = await newPersonContext(suite.browser, suite.url, "Amina Diallo");
    const typistPage = await openSection(typist, suite.url, "p1-access");
    await markEditor(typistPage);
    await markEditor(watcherPage);

    // Add a section at the end of the first part of the record.
    const form = outlinePage.getByTestId("add-section-form");
    await form.getByTestId("add-section-title").fill("Digital public infrastructure");
    await form.getByTestId("add-section-part").selectOption("part-1");
    await form.getByTestId("add-section-allocation").fill("1,200");
    await form.getByTestId("add-section-guidance").fill("Identity, payments and data exchange.");
    await form.getByTestId("add-section-submit").click();
    await expect
      .poll(() => outlinePage.getByTestId("outline-status").textContent())
      .toBe("Section “Digital public infrastructure” added.");
    await expect
      .poll(() => editorOrder(outlinePage, "part-1").then((order) => order.at(-1)))
      .toMatch(/digital-public-infrastructure/);
    const before = await editorOrder(outlinePage, "part-1");
    const added = before.at(-1) ?? "";
    expect(added).toMatch(/digital-public-infrastructure/);
    expect(await outlinePage.getByTestId(`outline-allocation-${added}`).textContent()).toBe(
      "1,200 words",
    );
    expect(await outlinePage.getByTestId(`outline-guidance-${added}`).textContent()).toBe(
      "Identity, payments and data exchange.",
    );
    await expect.poll(() => sidebarOrder(watcherPage, "part-1")).toEqual(before);

    // Keyboard: Alt+ArrowUp on the focused row, said in the live region.
    await outlinePage.getByTestId(`outline-row-${added}`).focus();
    await outlinePage.keyboard.press("Alt+ArrowUp");
    await expect
      .poll(() => outlinePage.getByTestId("outline-status").textContent())
      .toBe(
        `“Digital public infrastructure” moved: now ${before.length - 1} of ${before.length} in “The record since WSIS”.`,
      );
    const afterKey = [...before.slice(0, -2), added, before.at(-2) ?? ""];
    expect(await editorOrder(outlinePage, "part-1")).toEqual(afterKey);
    // The focus stays on the moved row, so the keys can move it on.
    expect(
      await outlinePage.evaluate(() => document.activeElement?.getAttribute("data-outline-row")),
    ).toBe(added);
    await expect.poll(() => sidebarOrder(watcherPage, "part-1")).toEqual(afterKey);

    // Drag and drop: onto the top half of the part's first row.
    const first = afterKey[0] ?? "";
    await outlinePage.getByTestId("outline-part-part-1").scrollIntoViewIfNeeded();
    await dragBefore(outlinePage, added, first);
    const afterDrop = [added, ...afterKey.filter((id) => id !== added)];
    await expect.poll(() => editorOrder(outlinePage, "part-1")).toEqual(afterDrop);
    await expect.poll(() => sidebarOrder(watcherPage, "part-1")).toEqual(afterDrop);

    // A drafter keeps typing in "Access and inclusion" while an editor renames and moves it.
    await focusEndOfText(typistPage);
    const sentence = "Meaningful connectivity is the measure that matters now.";
    const typing = typistPage.keyboard.type(sentence, { delay: 40 });
    await rowAction(outlinePage, "p1-access", "rename");
    const rename = outlinePage.getByTestId("rename-form-p1-access");
    await rename.getByRole("textbox").fill("Access, inclusion and meaningful connectivity");
    await rename.getByRole("textbox").press("Enter");
    await expect
      .poll(() => outlinePage.getByTestId("outline-status").textContent())
      .toBe("“Access and inclusion” is now “Access, inclusion and meaningful connectivity”.");
    await outlinePage.getByTestId("outline-row-p1-access").focus();
    await outlinePage.keyboard.press("Alt+ArrowDown");
    await expect
      .poll(() => outlinePage.getByTestId("outline-status").textContent())
      .toMatch(/^“Access, inclusion and meaningful connectivity” moved/);
    await typing;

    await expect
      .poll(() => typistPage.locator("#section-title").textContent())
      .toBe("Access, inclusion and meaningful connectivity");
    expect(await documentText(typistPage)).toContain(sentence);
    // The same editor, never remounted, still connected.
    expect(await isSameEditor(typistPage)).toBe(true);
    expect(await isSameEditor(watcherPage)).toBe(true);
    await waitUntilConnected(typistPage);
    const moved = await sidebarOrder(typistPage, "part-1");
    expect(moved.indexOf("p1-access")).toBe(afterDrop.indexOf("p1-access") + 1);
    await expect.poll(() => sidebarOrder(watcherPage, "part-1")).toEqual(moved);
    expect(await watcherPage.getByTestId("section-link-p1-access").textContent()).toContain(
      "Access, inclusion and meaningful connectivity",
    );
    // What was typed is on the server: the editor's own view of the section has it.
    const check = await openSection(editor, suite.url, "p1-access");
    await expect.poll(() => documentText(check)).toContain(sentence);
    await check.close();
    await watcher.close();
    await typist.close();
  }, 60_000);

  it("splits a section at a sub-heading from the UI; a user connected to it sees the text leave for the new section", async () => {
    const drafter = await signedInContext(suite.browser, suite.url, "drafter");
    const drafterPage = await openSection(drafter, suite.url, "p1-technology");
    await focusEndOfText(drafterPage);
    await drafterPage.keyboard.type("Mobile broadband reached most people.");
    await drafterPage.keyboard.press("Enter");
    await drafterPage.getByRole("button", { name: "Sub-heading" }).click();
    await drafterPage.keyboard.type("Artificial intelligence");
    await drafterPage.keyboard.press("Enter");
    await drafterPage.keyboard.type("Generative models spread after 2022.");
    const reader = await signedInContext(suite.browser, suite.url, "reviewer");
    const readerPage = await openSection(reader, suite.url, "p1-technology");
    await expect.poll(() => documentText(readerPage)).toContain("spread after 2022.");

    await rowAction(outlinePage, "p1-technology", "split");
    const dialog = outlinePage.getByTestId("outline-split-dialog");
    await dialog.getByRole("radio", { name: "Artificial intelligence" }).check();
    await dialog.getByTestId("outline-split-submit").click();
    await expect
      .poll(() => outlinePage.getByTestId("outline-status").textContent())
      .toMatch(/^“Developments in technology” was split/);
    const order = await editorOrder(outlinePage, "part-1");
    const newId = order[order.indexOf("p1-technology") + 1] ?? "";
    expect(await outlinePage.getByTestId(`outline-title-${newId}`).textContent()).toBe(
      "Artificial intelligence",
    );

    // The reader, connected to the section, sees the text after the heading leave it...
    await expect.poll(() => documentText(readerPage)).not.toContain("Generative models");
    expect(await documentText(readerPage)).toContain("Mobile broadband reached most people.");
    // ...and is offered the new section, which holds it.
    const notice = readerPage.getByTestId("outline-notice");
    await expect.poll(() => notice.textContent()).toMatch(/was split/);
    await notice.getByTestId("outline-notice-link").click();
    await waitUntilConnected(readerPage);
    expect(new URL(readerPage.url()).pathname).toBe(`/reports/1/sections/${newId}`);
    await expect
      .poll(() => documentText(readerPage))
      .toContain("Generative models spread after 2022.");
    await drafter.close();
    await reader.close();
  }, 60_000);

  it("merges a section into another: a drafter in it is moved to the target with a notice and the retired connection is not retried", async () => {
    const drafter = await newPersonContext(suite.browser, suite.url, "Ben Okafor");
    const page = await openSection(drafter, suite.url, "p1-ecosystem");
    await focusEndOfText(page);
    await page.keyboard.type("Platforms now shape the ecosystem.");
    await waitUntilConnected(page);
    const sockets: { url: string; at: number }[] = [];
    page.on("websocket", (socket) => sockets.push({ url: socket.url(), at: Date.now() }));

    await rowAction(outlinePage, "p1-ecosystem", "merge");
    const dialog = outlinePage.getByTestId("outline-merge-dialog");
    await dialog.getByTestId("outline-merge-target").selectOption("p1-context");
    // Any connection to the merged-away section from now on would be a retry.
    const mergedAt = Date.now();
    await dialog.getByTestId("outline-merge-submit").click();
    await expect
      .poll(() => outlinePage.getByTestId("outline-status").textContent())
      .toBe(
        "“Developments in the digital ecosystem” was merged into “The changing context for digital development”.",
      );
    expect(await outlinePage.getByTestId("outline-row-p1-ecosystem").count()).toBe(0);

    await expect.poll(() => new URL(page.url()).pathname).toBe("/reports/1/sections/p1-context");
    expect(await page.getByTestId("outline-notice").textContent()).toContain(
      "“Developments in the digital ecosystem” was merged into “The changing context for digital development”.",
    );
    await waitUntilConnected(page);
    await expect.poll(() => documentText(page)).toContain("Platforms now shape the ecosystem.");
    await page.waitForTimeout(2500);
    // The page's new connection is seen; none to the merged-away section.
    expect(sockets.some((s) => s.url.endsWith("/p1-context") && s.at >= mergedAt)).toBe(true);
    expect(sockets.filter((s) => s.url.endsWith("/p1-ecosystem") && s.at >= mergedAt)).toEqual([]);
    await drafter.close();
  }, 60_000);

  it("archives a section after a confirmation, moves its drafter to the outline, and restores it from Archived sections", async () => {
    const drafter = await signedInContext(suite.browser, suite.url, "drafter");
    const page = await openSection(drafter, suite.url, "p1-sectors");
    await focusEndOfText(page);
    await page.keyboard.type("Health and education went online.");
    await waitUntilConnected(page);

    await rowAction(outlinePage, "p1-sectors", "archive");
    const dialog = outlinePage.getByTestId("outline-archive-dialog");
    expect(await dialog.textContent()).toContain("Its text, comments and history are kept");
    await dialog.getByTestId("outline-archive-submit").click();
    await expect.poll(() => outlinePage.getByTestId("outline-row-p1-sectors").count()).toBe(0);
    const archived = outlinePage.getByTestId("archived-p1-sectors");
    await archived.waitFor();
    expect(await archived.textContent()).toContain("Impacts on development sectors");

    await expect.poll(() => new URL(page.url()).pathname).toBe("/reports/1/outline");
    expect(await page.getByTestId("outline-notice").textContent()).toMatch(
      /^“Impacts on development sectors” was archived/,
    );
    expect(await page.getByTestId("section-link-p1-sectors").count()).toBe(0);

    await archived.getByTestId("restore-p1-sectors").click();
    await outlinePage.getByTestId("outline-row-p1-sectors").waitFor();
    await expect.poll(() => outlinePage.getByTestId("archived-p1-sectors").count()).toBe(0);
    await page.getByTestId("section-link-p1-sectors").waitFor();
    await page.getByTestId("section-link-p1-sectors").click();
    await waitUntilConnected(page);
    await expect.poll(() => documentText(page)).toContain("Health and education went online.");
    await drafter.close();
  }, 60_000);

  it("shows a conflict clearly when the outline changed meanwhile, with the outline as it is now", async () => {
    const stale = await signedInContext(suite.browser, suite.url, "editor");
    // This page misses the outline events: it still shows the old revision when it moves.
    await stale.route("**/api/reports/1/events", (route) => route.abort());
    const page = await stale.newPage();
    await page.goto(`${suite.url}/outline`);
    await page.getByTestId("outline-editor").waitFor();
    const admin = await loginAs(suite.url, "editor");
    const change = await callApi(suite.url, admin, "PATCH", "/outline/sections/p1-governance", {
      after: null,
      part: "part-1",
    });
    expect(change.status).toBe(200);

    await page.getByTestId("outline-row-p1-challenges").focus();
    await page.keyboard.press("Alt+ArrowDown");
    await expect
      .poll(() => page.getByTestId("outline-error").textContent())
      .toMatch(/^Another editor changed the outline at the same time/);
    await expect.poll(() => editorOrder(page, "part-1").then((o) => o[0])).toBe("p1-governance");
    await stale.close();
  }, 60_000);

  it("shows a drafter the outline without controls, and says they cannot change the structure", async () => {
    const drafter = await signedInContext(suite.browser, suite.url, "drafter");
    const page = await drafter.newPage();
    await page.goto(`${suite.url}/sections/p1-context`);
    await page.getByTestId("outline-page-link").click();
    await page.getByTestId("outline-editor").waitFor();
    expect(await page.getByTestId("outline-readonly").textContent()).toContain(
      "Only editors can change the structure of the report. You are signed in as a drafter",
    );
    expect(await page.getByTestId("outline-row-p1-context").count()).toBe(1);
    expect(await page.locator('[data-testid^="move-up-"]').count()).toBe(0);
    expect(await page.locator('[data-testid^="section-actions-"]').count()).toBe(0);
    expect(await page.getByTestId("add-section-form").count()).toBe(0);
    expect(await page.getByTestId("archived-sections").count()).toBe(0);
    expect(await page.getByTestId("outline-row-p1-context").getAttribute("draggable")).toBe(
      "false",
    );
    // The server refuses the drafter too (the UI only follows what it says).
    const cookie = await loginAs(suite.url, "drafter");
    const refused = await callApi(suite.url, cookie, "POST", "/outline/sections", {
      title: "Drafter's section",
      part: "part-1",
    });
    expect(refused.status).toBe(403);
    await drafter.close();
  }, 60_000);

  it("adds a part, renames it in place, moves a section into it with Move to part…, and edits the section's guidance and allocation", async () => {
    const reader = await signedInContext(suite.browser, suite.url, "reviewer");
    const readerPage = await openSection(reader, suite.url, "p3-innovation");
    await markEditor(readerPage);

    const form = outlinePage.getByTestId("add-part-form");
    await form.getByTestId("add-part-title").fill("Annexes");
    await form.getByTestId("add-part-submit").click();
    await expect
      .poll(() => outlinePage.getByTestId("outline-status").textContent())
      .toBe("Part “Annexes” added.");
    const parts = await outlinePage
      .locator('[data-testid^="outline-part-"]')
      .evaluateAll((list) => list.map((part) => part.getAttribute("data-testid") ?? ""));
    const annexes = (parts.at(-1) ?? "").replace("outline-part-", "");
    expect(
      await outlinePage.getByTestId(`outline-part-${annexes}`).locator("h2").textContent(),
    ).toBe("Annexes");

    await outlinePage.getByTestId(`part-actions-${annexes}`).click();
    await outlinePage
      .getByTestId(`outline-part-${annexes}`)
      .getByTestId("menu-rename-part")
      .click();
    const rename = outlinePage.getByTestId(`rename-part-form-${annexes}`);
    await rename.getByRole("textbox").fill("Annexes and data");
    await rename.getByRole("textbox").press("Enter");
    await expect
      .poll(() => outlinePage.getByTestId(`outline-part-${annexes}`).locator("h2").textContent())
      .toBe("Annexes and data");

    await rowAction(outlinePage, "p3-innovation", "move-part");
    const move = outlinePage.getByTestId("outline-move-dialog");
    await move.getByTestId("outline-move-part").selectOption(annexes);
    await move.getByRole("button", { name: "Move" }).click();
    await expect.poll(() => editorOrder(outlinePage, annexes)).toEqual(["p3-innovation"]);
    expect(await outlinePage.getByTestId("outline-status").textContent()).toBe(
      "“The trajectory and pace of innovation” moved: now 1 of 1 in “Annexes and data”.",
    );
    // The reader in that section sees its new part, in the same editor.
    await expect
      .poll(() => readerPage.locator(".document__eyebrow").textContent())
      .toMatch(/^Annexes and data/);
    await expect.poll(() => sidebarOrder(readerPage, annexes)).toEqual(["p3-innovation"]);
    expect(await isSameEditor(readerPage)).toBe(true);

    await rowAction(outlinePage, "p3-innovation", "details");
    const details = outlinePage.getByTestId("outline-details-dialog");
    await details.getByTestId("outline-details-allocation").fill("many");
    await details.getByRole("button", { name: "Save" }).click();
    expect(await details.getByTestId("outline-details-error").textContent()).toBe(
      "Enter the allocation as a whole number of words (0 or more).",
    );
    await details.getByTestId("outline-details-allocation").fill("2,500");
    await details.getByTestId("outline-details-guidance").fill("Frontier technologies and AI.");
    await details.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => details.count()).toBe(0);
    expect(await outlinePage.getByTestId("outline-allocation-p3-innovation").textContent()).toBe(
      "2,500 words",
    );
    expect(await outlinePage.getByTestId("outline-guidance-p3-innovation").textContent()).toBe(
      "Frontier technologies and AI.",
    );
    await expect
      .poll(() => readerPage.getByTestId("section-link-p3-innovation").textContent())
      .toContain("2500");
    await reader.close();
  }, 60_000);

  it("has no accessibility violation (axe-core, WCAG 2.1 A and AA) on the page and in its dialogs", async () => {
    const page = await editor.newPage();
    await page.goto(`${suite.url}/outline`);
    await page.getByTestId("outline-editor").waitFor();
    await page.getByTestId("archived-sections").waitFor();
    const scan = async (screen: string) => expect(await axeViolations(page), screen).toEqual([]);
    await scan("outline page");
    for (const [item, dialog] of [
      ["details", "outline-details-dialog"],
      ["move-part", "outline-move-dialog"],
      ["split", "outline-split-dialog"],
      ["merge", "outline-merge-dialog"],
      ["archive", "outline-archive-dialog"],
    ] as const) {
      await rowAction(page, "p1-context", item);
      await page.getByTestId(dialog).waitFor();
      await scan(dialog);
      await page.keyboard.press("Escape");
      await expect.poll(() => page.getByTestId(dialog).count()).toBe(0);
    }
    await rowAction(page, "p1-context", "rename");
    await page.getByTestId("rename-form-p1-context").waitFor();
    await scan("rename in place");
    await page.close();
  }, 60_000);
});
