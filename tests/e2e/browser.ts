import { existsSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { callApi } from "../support/callApi";
import { loginAs, REPO_ROOT, TEST_ACCOUNTS } from "../support/serverProcess";

/** Chromium from Debian, with the flags this machine and CI need. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Chromium flags for headless runs on this machine and CI (no sandbox, GPU or background traffic). */
export const CHROMIUM_ARGS = [
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

/** A role of the test accounts: `editor` (admin), `drafter` or `reviewer`. */
export type TestRole = keyof typeof TEST_ACCOUNTS;

/** Credentials of a person to sign in with. */
export interface Credentials {
  username: string;
  password: string;
}

/** Password of the people {@link createPerson} adds. */
export const PERSON_PASSWORD = "test-person-password";

/** Options of the context helpers. */
export interface ContextOptions {
  viewport?: { width: number; height: number };
}

/** A fresh browser context: its own cookies, storage, IndexedDB and WebSockets (a separate person). */
export async function newContext(
  browser: Browser,
  options: ContextOptions = {},
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: options.viewport ?? { width: 1440, height: 900 },
    deviceScaleFactor: 1,
  });
}

/**
 * Signs `context` in through `POST /api/auth/login` (as the sign-in page does); the session
 * cookie is then sent by every page of the context. Throws with the server's answer if refused.
 */
export async function signIn(
  context: BrowserContext,
  baseUrl: string,
  { username, password }: Credentials,
): Promise<void> {
  const response = await context.request.post(`${baseUrl}/api/auth/login`, {
    data: { username, password },
    headers: { Origin: new URL(baseUrl).origin },
  });
  if (!response.ok()) {
    throw new Error(
      `Sign-in of ${username} refused: ${response.status()} ${await response.text()}`,
    );
  }
}

/**
 * A fresh context signed in as a test account (`editor` = admin, `drafter`, `reviewer`) or as
 * the given credentials.
 */
export async function signedInContext(
  browser: Browser,
  baseUrl: string,
  who: TestRole | Credentials,
  options: ContextOptions = {},
): Promise<BrowserContext> {
  const context = await newContext(browser, options);
  await signIn(context, baseUrl, typeof who === "string" ? TEST_ACCOUNTS[who] : who);
  return context;
}

/** The username {@link createPerson} gives a display name: "Amina Diallo" -> "amina-diallo". */
export function usernameFor(displayName: string): string {
  return displayName
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * Adds an account through the API as the admin editor (password {@link PERSON_PASSWORD}) and
 * returns its credentials; an account that exists already is reused.
 */
export async function createPerson(
  baseUrl: string,
  displayName: string,
  role: "editor" | "drafter" | "reviewer" = "drafter",
): Promise<Credentials & { id: number }> {
  const username = usernameFor(displayName);
  const admin = await loginAs(baseUrl, "editor");
  const created = await callApi(baseUrl, admin, "POST", "/users", {
    username,
    displayName,
    role,
    password: PERSON_PASSWORD,
  });
  if (created.status === 201)
    return { username, password: PERSON_PASSWORD, id: created.body.user.id };
  if (created.status === 409) {
    const list = await callApi(baseUrl, admin, "GET", "/users");
    const user = list.body.users.find((u: { username: string }) => u.username === username);
    return { username, password: PERSON_PASSWORD, id: user.id };
  }
  throw new Error(
    `Could not add ${displayName}: ${created.status} ${JSON.stringify(created.body)}`,
  );
}

/**
 * A fresh context signed in as a person with this display name (a drafter unless `role` says
 * otherwise), whose account is added on first use: co-authors see the name on carets and in
 * presence lists.
 */
export async function newPersonContext(
  browser: Browser,
  baseUrl: string,
  displayName: string,
  options: ContextOptions & { role?: "editor" | "drafter" | "reviewer" } = {},
): Promise<BrowserContext> {
  const person = await createPerson(baseUrl, displayName, options.role);
  return signedInContext(browser, baseUrl, person, options);
}

/** Signs in through the sign-in page shown at `page`. */
export async function signInThroughPage(page: Page, { username, password }: Credentials) {
  await page.getByTestId("signin-username").fill(username);
  await page.getByTestId("signin-password").fill(password);
  await page.getByTestId("signin-submit").click();
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

/**
 * Selects `phrase` in the section's text the way assistive technology does, through the DOM
 * selection (ProseMirror follows it), and waits until the browser reports it selected. Selects
 * again when the editor redraws meanwhile (the first sync or a numbering update can replace the
 * text nodes before ProseMirror reads the selection), as a person would, for up to 30 s.
 */
export async function selectPhrase(page: Page, phrase: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    await page.evaluate((wanted) => {
      const root = document.querySelector('[data-testid="editor"] .ProseMirror') as HTMLElement;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(wanted) ?? -1;
        if (at === -1) continue;
        root.focus();
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        window.getSelection()?.removeAllRanges();
        window.getSelection()?.addRange(range);
        return;
      }
      throw new Error(`"${wanted}" is not in the editor`);
    }, phrase);
    try {
      await page.waitForFunction((wanted) => window.getSelection()?.toString() === wanted, phrase, {
        timeout: 2_000,
      });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
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

/** Names of the IndexedDB copies this browser keeps (`rapporteur:<userId>:<sectionId>`). */
export async function localCopyNames(page: Page): Promise<string[]> {
  return page.evaluate(async () =>
    (await indexedDB.databases())
      .map((database) => database.name ?? "")
      .filter((name) => name.startsWith("rapporteur:")),
  );
}

/**
 * How many Yjs updates this browser keeps for a section in IndexedDB (y-indexeddb's `updates`
 * store, in the signed-in account's copy): grows as edits are saved locally.
 */
export async function storedUpdateCount(page: Page, sectionId: string): Promise<number> {
  const name = (await localCopyNames(page)).find((n) => n.endsWith(`:${sectionId}`));
  if (!name) return 0;
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
    name,
  );
}

/** A figure of the editor's Length panel ("Words", "In footnotes", "Counted"), as a number. */
export async function lengthFigure(page: Page, label: string): Promise<number> {
  const text = await page
    .locator('section[aria-labelledby="panel-length"] dl > div')
    .filter({ has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) })
    .locator("dd")
    .textContent();
  return Number((text ?? "").replace(/\D/g, ""));
}
