import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { callApi } from "../support/callApi";
import { loginAs } from "../support/serverProcess";
import {
  documentText,
  editorText,
  focusEndOfText,
  openSection,
  signedInContext,
  waitUntilConnected,
} from "./browser";
import { openSectionAs, useBrowserSuite } from "./useBrowserSuite";

const SECTION = "p1-access";

async function isEditable(page: Page): Promise<string | null> {
  return editorText(page).getAttribute("contenteditable");
}

describe("roles and the section workflow in Chromium", () => {
  const suite = useBrowserSuite();
  let editor: BrowserContext;
  let drafterPage: Page;
  let reviewerPage: Page;
  let editorPage: Page;

  beforeAll(async () => {
    [{ page: drafterPage }, { page: reviewerPage }] = await openSectionAs(suite, SECTION, [
      "drafter",
      "reviewer",
    ]);
    editor = await signedInContext(suite.browser, suite.url, "editor");
  });

  it("shows a drafter's typing live to a reviewer whose editor cannot be edited", async () => {
    await focusEndOfText(drafterPage);
    await drafterPage.keyboard.type("Access is improving in most regions.");
    await expect.poll(() => documentText(reviewerPage)).toContain("Access is improving");

    expect(await isEditable(reviewerPage)).toBe("false");
    expect(await reviewerPage.getByTestId("read-only-banner").textContent()).toMatch(
      /Read-only: you are a reviewer/,
    );
    expect(await reviewerPage.getByRole("button", { name: "Bold" }).isDisabled()).toBe(true);
    // No workflow buttons for a reviewer, and no import.
    expect(await reviewerPage.getByRole("button", { name: "Send to review" }).count()).toBe(0);
    expect(await reviewerPage.getByTestId("import-button").count()).toBe(0);

    // Typing into the reviewer's editor changes nothing, there or for the drafter.
    await editorText(reviewerPage).click();
    await reviewerPage.keyboard.press("Control+End");
    await reviewerPage.keyboard.type("REVIEWER TYPED THIS");
    await reviewerPage.keyboard.press("Enter");
    expect(await documentText(reviewerPage)).not.toContain("REVIEWER");
    // The reviewer is still present and connected (presence shows) and the drafter's text is intact.
    await expect
      .poll(() => drafterPage.getByTestId("presence").textContent())
      .toMatch(/Demo Reviewer/);
    expect(await documentText(drafterPage)).not.toContain("REVIEWER");
    expect(await reviewerPage.getByTestId("connection-state").textContent()).toBe("connected");
  });

  it("locks the drafter's open editor live when an editor approves, and unlocks it on reopening", async () => {
    editorPage = await openSection(editor, suite.url, SECTION);
    expect(await isEditable(drafterPage)).toBe("true");
    await editorPage.getByRole("button", { name: "Approve and lock" }).click();
    await editorPage
      .getByTestId("confirm-approve")
      .getByRole("button", { name: "Approve and lock" })
      .click();
    await expect
      .poll(() => editorPage.getByTestId("section-status").textContent())
      .toBe("Approved");

    // The drafter did not reload: the lock arrives as an event.
    await expect.poll(() => isEditable(drafterPage)).toBe("false");
    expect(await drafterPage.getByTestId("read-only-banner").textContent()).toMatch(
      /Approved and locked.*an editor can reopen it/,
    );
    expect(await drafterPage.getByTestId("section-status").textContent()).toBe("Approved");
    expect(await drafterPage.getByTestId(`status-${SECTION}`).getAttribute("data-status")).toBe(
      "approved",
    );
    await editorText(drafterPage).click();
    await drafterPage.keyboard.type("LOCKED EDIT");
    expect(await documentText(drafterPage)).not.toContain("LOCKED EDIT");
    // Editors still edit a locked section.
    expect(await isEditable(editorPage)).toBe("true");

    await editorPage.getByRole("button", { name: "Reopen" }).click();
    await expect.poll(() => isEditable(drafterPage)).toBe("true");
    expect(await drafterPage.getByTestId("read-only-banner").count()).toBe(0);
    await focusEndOfText(drafterPage);
    await drafterPage.keyboard.type(" Reopened for drafting.");
    await expect.poll(() => documentText(reviewerPage)).toContain("Reopened for drafting.");
    await expect.poll(() => documentText(editorPage)).toContain("Reopened for drafting.");
  });

  it("sends a section to review, assigns its lead and filters the outline to my sections", async () => {
    await drafterPage.getByRole("button", { name: "Send to review" }).click();
    await expect
      .poll(() => reviewerPage.getByTestId("section-status").textContent())
      .toBe("In review");
    // A drafter cannot approve: the button is not offered.
    expect(await drafterPage.getByRole("button", { name: "Approve and lock" }).count()).toBe(0);

    await editorPage.getByTestId("edit-leads").click();
    await editorPage.getByRole("checkbox", { name: /Demo Drafter/ }).check();
    await editorPage.getByTestId("leads-save").click();
    await expect
      .poll(() => drafterPage.getByTestId("section-leads").textContent())
      .toMatch(/Demo Drafter/);

    await drafterPage.getByTestId("my-sections").check();
    await expect.poll(() => drafterPage.locator("[data-testid^='section-link-']").count()).toBe(1);
    expect(await drafterPage.getByTestId(`section-link-${SECTION}`).count()).toBe(1);
    // Remembered in this browser.
    await drafterPage.reload();
    await expect.poll(() => drafterPage.locator("[data-testid^='section-link-']").count()).toBe(1);
    await drafterPage.getByTestId("my-sections").uncheck();
    await expect
      .poll(() => drafterPage.locator("[data-testid^='section-link-']").count())
      .toBeGreaterThan(10);
  });

  it("makes the editor read-only when the server refuses an edit to a section locked unnoticed, and reconnects once reopened", async () => {
    const section = "p1-ecosystem";
    const late = await signedInContext(suite.browser, suite.url, "drafter");
    // This drafter's browser misses the workflow events: it learns of the lock from the server's
    // refusal of its edit (4403) instead.
    let eventsBlocked = true;
    await late.route("**/api/reports/1/events", (route) =>
      eventsBlocked ? route.abort() : route.continue(),
    );
    const latePage = await openSection(late, suite.url, section);
    await focusEndOfText(latePage);
    await latePage.keyboard.type("Platforms shape the ecosystem.");
    const editorView = await openSection(editor, suite.url, section);
    await expect.poll(() => documentText(editorView)).toContain("shape the ecosystem.");

    const admin = await loginAs(suite.url, "editor");
    expect(
      (
        await callApi(suite.url, admin, "POST", `/sections/${section}/status`, {
          action: "approve",
        })
      ).status,
    ).toBe(200);
    await latePage.keyboard.type(" Typed after the lock.");
    await expect.poll(() => isEditable(latePage)).toBe("false");
    expect(await latePage.getByTestId("read-only-banner").textContent()).toMatch(
      /approved and locked/i,
    );
    // The first keystroke after the lock was refused (and the editor stopped taking more): the
    // section on the server does not have it.
    const refused = await documentText(latePage);
    expect(refused.startsWith("Platforms shape the ecosystem.")).toBe(true);
    expect(refused.length).toBeGreaterThan("Platforms shape the ecosystem.".length);
    expect(await documentText(editorView)).toBe("Platforms shape the ecosystem.");

    eventsBlocked = false;
    expect(
      (
        await callApi(suite.url, admin, "POST", `/sections/${section}/status`, {
          action: "reopen",
        })
      ).status,
    ).toBe(200);
    await expect.poll(() => isEditable(latePage), { timeout: 15_000 }).toBe("true");
    await waitUntilConnected(latePage);
    // What was refused while locked is sent once the section is open again: nothing is lost.
    await expect.poll(() => documentText(editorView)).toBe(refused);
    await late.close();
  });
});
