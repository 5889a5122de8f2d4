import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations } from "./axeScan";
import { openSection, signedInContext, waitUntilConnected } from "./browser";
import { useBrowserSuite } from "./useBrowserSuite";

const SECTION = "p1-sectors";

/** Whether the page scrolls sideways (content cut off or wider than the window). */
const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

/** Whether the element is inside the window, horizontally (not cut off at 200 %). */
const inWindow = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.left >= 0 && box.right <= window.innerWidth;
    });

describe("display settings: zoom to 200 %, reduced motion, forced colours", () => {
  const suite = useBrowserSuite();

  it("at 200 % zoom (1440 × 900 halved) nothing scrolls sideways and every tool still works", async () => {
    const context = await signedInContext(suite.browser, suite.url, "drafter", {
      viewport: { width: 720, height: 450 },
    });
    const page = await openSection(context, suite.url, SECTION);
    page.setDefaultTimeout(10_000);
    expect(await scrollsSideways(page)).toBe(false);
    for (const selector of [
      '[role="toolbar"]',
      '[data-testid="editor"]',
      '[data-testid="comment-button"]',
      '[data-testid="export-menu"]',
      '[data-testid="account-menu"]',
      '[data-testid="shortcuts-button"]',
      '[data-testid="outline"]',
    ]) {
      expect(await inWindow(page, selector), selector).toBe(true);
    }
    // Typing, the comment form and the Export menu work and stay within the window.
    await page.getByTestId("editor").locator(".ProseMirror").click();
    await page.keyboard.type("Health, education and agriculture");
    await page.keyboard.press("Shift+Home");
    await page.keyboard.press("Control+Alt+KeyM");
    await page.getByTestId("new-comment-form").waitFor();
    expect(await inWindow(page, '[data-testid="new-comment-form"]')).toBe(true);
    await page.keyboard.press("Escape");
    await page.getByTestId("export-menu").click();
    expect(await inWindow(page, '[role="menu"]')).toBe(true);
    await page.keyboard.press("Escape");
    expect(await scrollsSideways(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);

    for (const [path, ready] of [
      ["/review", "review-list"],
      ["/budget", "budget-table"],
    ] as const) {
      await page.goto(`${suite.url}${path}`);
      await page.getByTestId(ready).waitFor({ state: "attached" });
      expect(await scrollsSideways(page), path).toBe(false);
    }
    await context.close();
  });

  it("with reduced motion nothing moves; with forced colours focus and bars stay visible", async () => {
    const context = await signedInContext(suite.browser, suite.url, "drafter");
    const page = await context.newPage();
    await page.emulateMedia({ reducedMotion: "reduce", forcedColors: "active" });
    await page.goto(`${suite.url}/sections/${SECTION}`);
    await waitUntilConnected(page);
    const motion = await page.evaluate(() => {
      const moving: string[] = [];
      for (const element of document.querySelectorAll<HTMLElement>("*")) {
        const style = getComputedStyle(element);
        const durations = [style.transitionDuration, style.animationDuration].join(",");
        const animated = style.animationName !== "none";
        if (animated || durations.split(",").some((d) => Number.parseFloat(d) > 0)) {
          moving.push(element.className.toString());
        }
      }
      return moving;
    });
    expect(motion).toEqual([]);

    // The outline's word bars are drawn in the system's text colour, with a border.
    const bar = await page
      .locator(".budget-bar")
      .first()
      .evaluate((element) => {
        const style = getComputedStyle(element);
        return {
          border: style.borderTopStyle,
          adjust: style.getPropertyValue("forced-color-adjust"),
        };
      });
    expect(bar).toEqual({ border: "solid", adjust: "none" });
    // A focused control shows an outline in the system highlight colour.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    const ring = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
    });
    expect(ring.style).toBe("solid");
    expect(ring.width).toBeGreaterThanOrEqual(2);
    await context.close();
  });
});
