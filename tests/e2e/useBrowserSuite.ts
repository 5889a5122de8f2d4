import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { type ServerProcess, startServerProcess } from "../support/serverProcess";
import {
  launchBrowser,
  newPersonContext,
  openSection,
  signedInContext,
  type TestRole,
} from "./browser";

/** The server and Chromium of a suite, readable once its `beforeAll` has run. */
export interface BrowserSuite {
  readonly server: ServerProcess;
  readonly browser: Browser;
  /** The server's base URL. */
  readonly url: string;
}

/** Someone to sign in: a test account's role, or a person added on first use by display name. */
export type Someone = TestRole | { person: string };

/** A signed-in browser context and the section page it opened. */
export interface PersonInSection {
  context: BrowserContext;
  page: Page;
}

/**
 * Starts a server and headless Chromium before the tests of the enclosing `describe` and closes
 * both after them. Hooks the caller adds later run after the start and before the close.
 */
export function useBrowserSuite(): BrowserSuite {
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServerProcess();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined)
      throw new Error("The browser suite is not started: use it in a hook or test");
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
    get url() {
      return started(server).url;
    },
  };
}

/** A fresh context of the suite's browser signed in as `who`. */
export function contextFor(suite: BrowserSuite, who: Someone): Promise<BrowserContext> {
  return typeof who === "string"
    ? signedInContext(suite.browser, suite.url, who)
    : newPersonContext(suite.browser, suite.url, who.person);
}

/**
 * Signs each of `people` in, each in a context of its own, then opens `sectionId` for each in
 * turn (waiting until connected); returns their contexts and pages in the same order.
 */
export async function openSectionAs<const T extends readonly Someone[]>(
  suite: BrowserSuite,
  sectionId: string,
  people: T,
): Promise<{ [K in keyof T]: PersonInSection }> {
  const contexts: BrowserContext[] = [];
  for (const who of people) contexts.push(await contextFor(suite, who));
  const opened: PersonInSection[] = [];
  for (const context of contexts) {
    opened.push({ context, page: await openSection(context, suite.url, sectionId) });
  }
  return opened as { [K in keyof T]: PersonInSection };
}
