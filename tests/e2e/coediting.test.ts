import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { documentText, editorText, focusEndOfText } from "./browser";
import { openSectionAs, useBrowserSuite } from "./useBrowserSuite";

const SECTION = "p1-access";

describe("two people co-editing a section in Chromium", () => {
  const suite = useBrowserSuite();
  let pageA: Page;
  let pageB: Page;

  beforeAll(async () => {
    [{ page: pageA }, { page: pageB }] = await openSectionAs(suite, SECTION, [
      { person: "Amina Diallo" },
      { person: "Ben Okafor" },
    ]);
  });

  it("types at the same time and both end with the same text holding both inputs", async () => {
    await focusEndOfText(pageA);
    await pageA.keyboard.type("First paragraph.");
    await pageA.keyboard.press("Enter");
    await pageA.keyboard.type("Second paragraph.");
    await expect.poll(() => documentText(pageB)).toContain("Second paragraph.");

    // Amina writes at the end of the first paragraph, Ben at the end of the second, at once.
    await editorText(pageA).locator("p").nth(0).click();
    await pageA.keyboard.press("End");
    await editorText(pageB).locator("p").nth(1).click();
    await pageB.keyboard.press("End");
    const fromAmina = " Amina adds the regional figures for Africa and Asia.";
    const fromBen = " Ben adds the affordability target of two per cent of income.";
    await Promise.all([
      pageA.keyboard.type(fromAmina, { delay: 15 }),
      pageB.keyboard.type(fromBen, { delay: 15 }),
    ]);

    await expect
      .poll(async () => {
        const [a, b] = [await documentText(pageA), await documentText(pageB)];
        return a === b && a.includes(fromAmina.trim()) && a.includes(fromBen.trim());
      })
      .toBe(true);
    const textA = await documentText(pageA);
    expect(textA).toContain(`First paragraph.${fromAmina}`);
    expect(textA).toContain(`Second paragraph.${fromBen}`);
  });

  it("shows each person the other's caret labelled with their name", async () => {
    await expect
      .poll(() => pageA.locator(".collaboration-carets__label").allTextContents())
      .toContain("Ben Okafor");
    await expect
      .poll(() => pageB.locator(".collaboration-carets__label").allTextContents())
      .toContain("Amina Diallo");
    // Own caret is not drawn as a remote one.
    expect(await pageA.locator(".collaboration-carets__label").allTextContents()).not.toContain(
      "Amina Diallo",
    );
  });

  it("lists who is in the section beside the editor", async () => {
    for (const page of [pageA, pageB]) {
      await expect.poll(() => page.getByTestId("presence").textContent()).toMatch(/Amina Diallo/);
      await expect.poll(() => page.getByTestId("presence").textContent()).toMatch(/Ben Okafor/);
    }
  });
});
