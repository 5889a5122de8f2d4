import type { Page, WebSocket } from "playwright-core";
import { describe, expect, it } from "vitest";
import { TEST_ACCOUNTS } from "../support/serverProcess";
import {
  localCopyNames,
  newContext,
  openSection,
  signedInContext,
  signInThroughPage,
  waitUntilConnected,
} from "./browser";
import { useBrowserSuite } from "./useBrowserSuite";

/** The sign-in page is showing. */
async function waitForSignInPage(page: Page): Promise<void> {
  await page.getByTestId("signin-username").waitFor();
}

describe("signing in and out in Chromium", () => {
  const suite = useBrowserSuite();

  it("refuses a wrong password with a message, then opens the app with the right one", async () => {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    await page.goto(`${suite.url}/sections/p1-technology`);
    await waitForSignInPage(page);
    // Nothing of the report is shown before signing in, and the username field has focus.
    expect(await page.getByTestId("outline").count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(
      "signin-username",
    );

    await signInThroughPage(page, { username: "admin", password: "not-the-password" });
    await expect
      .poll(() => page.getByTestId("signin-error").textContent())
      .toBe("Wrong username or password.");
    // Keyboard only: the password field is cleared and focused for the next try.
    expect(await page.getByTestId("signin-password").inputValue()).toBe("");
    await page.keyboard.type(TEST_ACCOUNTS.editor.password);
    await page.keyboard.press("Enter");

    await waitUntilConnected(page);
    expect(page.url()).toMatch(/\/sections\/p1-technology$/);
    expect(await page.getByTestId("account-role").textContent()).toBe("Editor");
    await context.close();
  });

  it("tells a user with too many failed attempts when to try again", async () => {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    await page.goto(`${suite.url}/`);
    await waitForSignInPage(page);
    for (let attempt = 0; attempt < 6; attempt++) {
      await signInThroughPage(page, { username: "intruder", password: `wrong-${attempt}` });
      await page.getByTestId("signin-error").waitFor();
      if (/Too many attempts/.test((await page.getByTestId("signin-error").textContent()) ?? "")) {
        break;
      }
    }
    expect(await page.getByTestId("signin-error").textContent()).toMatch(
      /^Too many attempts: try again in \d+ minutes?\.$/,
    );
    await context.close();
  });

  it("signs out from the header menu: back to the sign-in page, connection closed, nothing kept", async () => {
    const context = await signedInContext(suite.browser, suite.url, "reviewer");
    const sockets: WebSocket[] = [];
    context.on("page", (p) => p.on("websocket", (socket) => sockets.push(socket)));
    const page = await openSection(context, suite.url, "p2-overview");
    const collab = sockets.filter((socket) => socket.url().includes("/collab/"));
    expect(collab.length).toBeGreaterThan(0);
    expect(await localCopyNames(page)).not.toEqual([]);

    await page.getByTestId("account-menu").click();
    await page.getByRole("menuitem", { name: /Sign out/ }).click();
    await waitForSignInPage(page);
    expect(await page.getByTestId("signin-notice").textContent()).toMatch(/signed out/);
    await expect.poll(() => collab.every((socket) => socket.isClosed())).toBe(true);
    await expect.poll(() => localCopyNames(page)).toEqual([]);
    const me = await context.request.get(`${suite.url}/api/auth/me`);
    expect(me.status()).toBe(401);

    // A reload still shows the sign-in page: the session is gone on the server too.
    await page.reload();
    await waitForSignInPage(page);
    await context.close();
  });

  it("lets an editor add a user on the users page, who can then sign in", async () => {
    const context = await signedInContext(suite.browser, suite.url, "editor");
    const page = await openSection(context, suite.url, "intro-overview");
    await page.getByTestId("account-menu").click();
    await page.getByRole("menuitem", { name: /Users/ }).click();
    await expect.poll(() => page.url()).toMatch(/\/users$/);
    await page.getByTestId("users-table").waitFor();

    const form = page.getByTestId("add-user-form");
    await form.getByLabel("Username").fill("lena");
    await form.getByLabel("Display name").fill("Lena Weber");
    await form.getByLabel("Role").selectOption("drafter");
    await form.getByLabel("Initial password").fill("short");
    await form.getByRole("button", { name: "Add user" }).click();
    await expect
      .poll(() => page.getByTestId("add-user-error").textContent())
      .toMatch(/at least 10 characters/);
    await form.getByLabel("Initial password").fill("lena-initial-password");
    await form.getByRole("button", { name: "Add user" }).click();
    await page.getByTestId("user-row-lena").waitFor();
    expect(await page.getByTestId("user-row-lena").textContent()).toMatch(/Lena Weber/);

    // The server's refusals are shown: the only editor cannot be made a drafter.
    await page.getByLabel("Role of admin").selectOption("drafter");
    await expect
      .poll(() => page.getByTestId("users-error").textContent())
      .toMatch(/last active editor/);
    expect(await page.getByLabel("Role of admin").inputValue()).toBe("editor");

    const lena = await newContext(suite.browser);
    const lenaPage = await lena.newPage();
    await lenaPage.goto(`${suite.url}/`);
    await waitForSignInPage(lenaPage);
    await signInThroughPage(lenaPage, { username: "lena", password: "lena-initial-password" });
    await waitUntilConnected(lenaPage);
    expect(await lenaPage.getByTestId("account-menu").textContent()).toMatch(/Lena Weber/);
    expect(await lenaPage.getByTestId("account-role").textContent()).toBe("Drafter");

    // Deactivating her signs her out at once.
    await page.getByTestId("user-row-lena").getByRole("button", { name: "Deactivate" }).click();
    await waitForSignInPage(lenaPage);
    await lena.close();
    await context.close();
  });

  it("does not offer the editors' pages to others, and says so at their address", async () => {
    const context = await signedInContext(suite.browser, suite.url, "drafter");
    const page = await openSection(context, suite.url, "intro-overview");
    await page.getByTestId("account-menu").click();
    expect(await page.getByRole("menuitem", { name: /Users/ }).count()).toBe(0);
    expect(await page.getByRole("menuitem", { name: /Audit log/ }).count()).toBe(0);
    await page.keyboard.press("Escape");

    for (const path of ["/users", "/audit"]) {
      await page.goto(`${suite.url}${path}`);
      await page.getByRole("alert").filter({ hasText: "Editors only" }).waitFor();
      expect(await page.getByTestId("users-table").count()).toBe(0);
    }
    await context.close();
  });
});
