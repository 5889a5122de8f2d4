import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { callApi } from "../support/callApi";
import { loginAs, TEST_ACCOUNTS } from "../support/serverProcess";
import { axeViolations } from "./axeScan";
import { documentText, focusEndOfText, signedInContext, waitUntilConnected } from "./browser";
import { useBrowserSuite } from "./useBrowserSuite";

const NEW_TITLE = "Priority theme: data for development";
const TYPED = "Data governance frameworks now exist in most regions.";

/** The ids of the reports the report list shows on `page`. */
async function listedReports(page: Page): Promise<number[]> {
  await page.getByTestId("reports-table").waitFor();
  const ids = await page
    .locator("[data-testid^=report-row-]")
    .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-testid")));
  return ids.map((id) => Number(id?.replace("report-row-", "")));
}

describe("reports as workspaces in Chromium", () => {
  const suite = useBrowserSuite();
  let reportId = 0;
  let firstSection = "";
  let firstTitle = "";

  beforeAll(async () => {
    const admin = await loginAs(suite.url, "editor");
    const list = await callApi(suite.url, admin, "GET", "/reports");
    firstTitle = list.body.reports.find((r: { id: number }) => r.id === 1).title;
  });

  it("lets an administrator create a report from the blank template in an accessible dialog", async () => {
    const context = await signedInContext(suite.browser, suite.url, "editor");
    const page = await context.newPage();
    await page.goto(`${suite.url}/reports`);
    expect(await listedReports(page)).toEqual([1]);
    expect(await page.getByTestId("report-row-1").textContent()).toContain("Editor");
    expect(await axeViolations(page)).toEqual([]);

    // Keyboard: the button opens the dialog with the focus in its title field.
    await page.getByTestId("new-report").focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "New report" });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(
      "new-report-title",
    );
    // The templates come from the server, each with what it holds.
    await dialog.getByTestId("new-report-template").locator("option[value=blank]").waitFor({
      state: "attached",
    });
    await dialog.getByLabel("Template").selectOption("blank");
    const templates = await callApi(
      suite.url,
      await loginAs(suite.url, "editor"),
      "GET",
      "/report-templates",
    );
    const blank = templates.body.templates.find((t: { id: string }) => t.id === "blank");
    expect([blank.parts, blank.sections]).toEqual([1, 1]);
    const description = await dialog.getByTestId("new-report-template-description").textContent();
    expect(description).toContain(blank.description);
    expect(description).toContain("Starts with 1 part, 1 section.");
    expect(await axeViolations(page)).toEqual([]);

    // The server's refusal is shown in the dialog, which stays open.
    await dialog.getByLabel("Title").fill("   ");
    await dialog.getByTestId("new-report-submit").click();
    await dialog.getByTestId("new-report-problem").waitFor();
    expect(await dialog.getByTestId("new-report-problem").textContent()).toMatch(/title/i);

    await dialog.getByLabel("Title").fill(NEW_TITLE);
    await dialog.getByTestId("new-report-submit").click();
    await page.waitForURL(/\/reports\/[1-9][0-9]*\/sections\/[a-z0-9-]+$/);
    reportId = Number(/\/reports\/([0-9]+)\//.exec(page.url())?.[1]);
    firstSection = /\/sections\/([a-z0-9-]+)$/.exec(page.url())?.[1] ?? "";
    expect(reportId).toBeGreaterThan(1);
    expect(await page.getByTestId("report-title").textContent()).toBe(NEW_TITLE);
    expect(await page.getByTestId("account-role").textContent()).toBe("Editor");
    await waitUntilConnected(page);
    await context.close();
  });

  it("lets the administrator add a drafter as a member of the new report", async () => {
    const context = await signedInContext(suite.browser, suite.url, "editor");
    const page = await context.newPage();
    await page.goto(`${suite.url}/reports/${reportId}/members`);
    await page.getByTestId("members-table").waitFor();
    const form = page.getByTestId("add-member-form");
    const admin = await loginAs(suite.url, "editor");
    const users = await callApi(suite.url, admin, "GET", "/users");
    const drafter = users.body.users.find(
      (user: { username: string }) => user.username === TEST_ACCOUNTS.drafter.username,
    );
    await form.getByLabel("Person").selectOption(String(drafter.id));
    await form.getByLabel("Role in this report").selectOption("drafter");
    await form.getByTestId("add-member-submit").click();
    await page.getByTestId(`member-row-${TEST_ACCOUNTS.drafter.username}`).waitFor();
    expect(await page.getByTestId("members-notice").textContent()).toMatch(/as drafter/);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("shows the drafter both reports; they type in the new one while the old link opens report 1", async () => {
    const context = await signedInContext(suite.browser, suite.url, "drafter");
    const page = await context.newPage();
    await page.goto(`${suite.url}/`);
    // Two reports: `/` lists them.
    await page.waitForURL(`${suite.url}/reports`);
    expect((await listedReports(page)).sort()).toEqual([1, reportId]);
    expect(await page.getByTestId(`report-row-${reportId}`).textContent()).toContain("Drafter");
    expect(await page.getByTestId("new-report").count()).toBe(0);

    await page.getByTestId(`open-report-${reportId}`).click();
    await page.waitForURL(`${suite.url}/reports/${reportId}/sections/${firstSection}`);
    await waitUntilConnected(page);
    expect(await page.getByTestId("report-title").textContent()).toBe(NEW_TITLE);
    await focusEndOfText(page);
    await page.keyboard.type(TYPED);
    await expect.poll(() => documentText(page)).toContain(TYPED);

    // The text is stored in the new report's section.
    const drafter = await loginAs(suite.url, "drafter");
    const words = async (path: string) => (await callApi(suite.url, drafter, "GET", path)).body;
    await expect
      .poll(async () => (await words(`/reports/${reportId}/sections/${firstSection}`)).words)
      .toBe(TYPED.split(" ").length);

    // A link saved before reports had addresses of their own still opens the first report.
    await page.goto(`${suite.url}/sections/p1-access`);
    await waitUntilConnected(page);
    expect(new URL(page.url()).pathname).toBe("/reports/1/sections/p1-access");
    expect(await page.getByTestId("report-title").textContent()).toBe(firstTitle);
    expect(await documentText(page)).not.toContain(TYPED);

    // The header leads back to every report, by keyboard too.
    await page.getByTestId("all-reports-link").focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(`${suite.url}/reports`);
    await context.close();
  });

  it("hides the new report from a reviewer who is not its member, and shows not found at its address", async () => {
    const context = await signedInContext(suite.browser, suite.url, "reviewer");
    const page = await context.newPage();
    await page.goto(`${suite.url}/reports`);
    expect(await listedReports(page)).toEqual([1]);
    await page.goto(`${suite.url}/reports/${reportId}/sections/${firstSection}`);
    await page.getByRole("heading", { name: "Report not found" }).waitFor();
    expect(await page.getByTestId("editor").count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("lets an administrator who left a report see it is not theirs and join it again from its members", async () => {
    const admin = await loginAs(suite.url, "editor");
    const users = await callApi(suite.url, admin, "GET", "/users");
    const idOf = (username: string) =>
      users.body.users.find((user: { username: string }) => user.username === username).id;
    const drafterId = idOf(TEST_ACCOUNTS.drafter.username);
    const adminId = idOf(TEST_ACCOUNTS.editor.username);
    // The drafter becomes an editor of the report, so the administrator may leave it.
    const promoted = await callApi(
      suite.url,
      admin,
      "PUT",
      `/reports/${reportId}/members/${drafterId}`,
      {
        role: "editor",
      },
    );
    expect(promoted.status).toBe(200);
    const left = await callApi(
      suite.url,
      admin,
      "DELETE",
      `/reports/${reportId}/members/${adminId}`,
    );
    expect(left.status).toBe(204);

    const context = await signedInContext(suite.browser, suite.url, "editor");
    const page = await context.newPage();
    await page.goto(`${suite.url}/reports`);
    expect(await page.getByTestId(`report-row-${reportId}`).textContent()).toContain(
      "Not a member",
    );
    await page.getByTestId(`open-report-${reportId}`).click();
    await page.getByRole("heading", { name: "You are not a member of this report" }).waitFor();
    expect(await page.getByTestId("editor").count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "Members page" }).click();
    await page.getByTestId("members-table").waitFor();
    await page.getByTestId("add-member-form").getByLabel("Person").selectOption(String(adminId));
    await page
      .getByTestId("add-member-form")
      .getByLabel("Role in this report")
      .selectOption("editor");
    await page.getByTestId("add-member-submit").click();
    await page.getByTestId(`member-row-${TEST_ACCOUNTS.editor.username}`).waitFor();
    // A member again: the report opens, with the role given.
    await page.goto(`${suite.url}/reports/${reportId}`);
    await waitUntilConnected(page);
    expect(await page.getByTestId("account-role").textContent()).toBe("Editor");
    await context.close();
  });
});
