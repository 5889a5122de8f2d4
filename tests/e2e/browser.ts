import { existsSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { REPO_ROOT } from "../support/serverProcess";

/** Chromium from Debian, with the flags this machine and CI need. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Launches headless Chromium; fails with a clear message if the web app was not built. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(join(REPO_ROOT, "apps/web/dist/index.html"))) {
    throw new Error("apps/web/dist is missing: run `pnpm --filter @rapporteur/web build` first");
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/**
 * A fresh browser context (its own storage, IndexedDB and WebSockets: a separate person) with
 * the display name already chosen, as if they had filled in the first-visit dialog.
 */
export async function newPersonContext(
  browser: Browser,
  name: string,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1440, height: 900 },
    deviceScaleFactor: 1,
  });
  await context.addInitScript((displayName: string) => {
    if (!window.localStorage.getItem("rapporteur.name")) {
      window.localStorage.setItem("rapporteur.name", displayName);
    }
  }, name);
  return context;
}

/** Opens a section and waits until its editor is shown and in sync with the server. */
export async function openSection(
  context: BrowserContext,
  baseUrl: string,
  sectionId: string,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/sections/${sectionId}`);
  await waitUntilConnected(page);
  return page;
}

/** Waits for the connection indicator to read `connected`. */
export async function waitUntilConnected(page: Page): Promise<void> {
  await page
    .getByTestId("connection-state")
    .filter({ hasText: /^connected$/ })
    .waitFor();
}

/** The editable text of the open section. */
export function editorText(page: Page) {
  return page.getByTestId("editor").locator(".ProseMirror").first();
}

/**
 * The section's text as the document holds it: the editor's text without other people's caret
 * labels or an open footnote popover (footnote numbers are included).
 */
export async function documentText(page: Page): Promise<string> {
  return editorText(page).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const extra of copy.querySelectorAll(".collaboration-carets__caret, .footnote-popover")) {
      extra.remove();
    }
    return copy.textContent ?? "";
  });
}

/** Puts the caret at the end of the section's text (the editor keeps focus). */
export async function focusEndOfText(page: Page): Promise<void> {
  const editor = editorText(page);
  await editor.click();
  await page.keyboard.press("Control+End");
}

/** The section's word count shown in the outline sidebar. */
export async function sidebarWords(page: Page, sectionId: string): Promise<number> {
  const text = await page.getByTestId(`words-${sectionId}`).textContent();
  return Number((text ?? "").replace(/\D/g, ""));
}

/**
 * How many Yjs updates this browser keeps for a section in IndexedDB (y-indexeddb's `updates`
 * store): grows as edits are saved locally.
 */
export async function storedUpdateCount(page: Page, sectionId: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("updates")) {
            db.close();
            resolve(0);
            return;
          }
          const count = db.transaction("updates").objectStore("updates").count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
          count.onerror = () => reject(count.error);
        };
      }),
    `rapporteur:${sectionId}`,
  );
}
