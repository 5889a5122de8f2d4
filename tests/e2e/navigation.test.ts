import { describe, expect, it } from "vitest";
import { callApi } from "../support/callApi";
import { loginAs } from "../support/serverProcess";
import {
  createPerson,
  documentText,
  focusEndOfText,
  newContext,
  newPersonContext,
  openSection,
  sidebarWords,
  signInThroughPage,
  waitUntilConnected,
} from "./browser";
import { useBrowserSuite } from "./useBrowserSuite";

describe("moving around the report", () => {
  const suite = useBrowserSuite();

  it("switches sections from the outline and keeps what was typed in each", async () => {
    const context = await newPersonContext(suite.browser, suite.url, "Carla Mendes");
    const page = await openSection(context, suite.url, "p1-context");
    await focusEndOfText(page);
    await page.keyboard.type("The pandemic accelerated digital adoption.");

    await page.getByTestId("section-link-p1-technology").click();
    await expect.poll(() => page.url()).toMatch(/\/sections\/p1-technology$/);
    await expect
      .poll(() => page.locator("h1").first().textContent())
      .toBe("Developments in technology");
    await waitUntilConnected(page);
    await expect.poll(() => documentText(page)).not.toContain("pandemic");
    await focusEndOfText(page);
    await page.keyboard.type("Mobile networks reached most of the world.");

    await page.getByTestId("section-link-p1-context").click();
    await expect
      .poll(() => documentText(page))
      .toContain("The pandemic accelerated digital adoption.");
    expect(await documentText(page)).not.toContain("Mobile networks");
    expect(await page.getByTestId("guidance").textContent()).toMatch(/COVID-19/);

    await page.goBack();
    await expect
      .poll(() => documentText(page))
      .toContain("Mobile networks reached most of the world.");
    await context.close();
  });

  it("moves a section's word count in another person's outline as they type", async () => {
    const writer = await newPersonContext(suite.browser, suite.url, "Dmitri Ivanov");
    const reader = await newPersonContext(suite.browser, suite.url, "Esi Mensah");
    const readerPage = await openSection(reader, suite.url, "p3-innovation");
    const writerPage = await openSection(writer, suite.url, "p2-overview");
    const before = await sidebarWords(readerPage, "p2-overview");

    await focusEndOfText(writerPage);
    await writerPage.keyboard.type("one two three four five six seven eight nine ten");

    await expect.poll(() => sidebarWords(readerPage, "p2-overview")).toBe(before + 10);
    await expect.poll(() => sidebarWords(writerPage, "p2-overview")).toBe(before + 10);
    await writer.close();
    await reader.close();
  });

  it("signs in, opens the first section and shows the account's name to co-authors", async () => {
    const farid = await createPerson(suite.url, "Farid Haddad");
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    await page.goto(`${suite.url}/`);
    await signInThroughPage(page, farid);
    // `/` opens the first section of the outline: the Summary.
    await expect.poll(() => page.url()).toMatch(/\/sections\/summary$/);
    await waitUntilConnected(page);
    await expect.poll(() => page.getByTestId("presence").textContent()).toMatch(/Farid Haddad/);
    expect(await page.getByTestId("account-menu").textContent()).toMatch(/Farid Haddad/);

    // An editor renames the account: co-authors see the new name without anyone reloading.
    const colleague = await newPersonContext(suite.browser, suite.url, "Ines Duarte");
    const colleaguePage = await openSection(colleague, suite.url, "summary");
    await expect
      .poll(() => colleaguePage.getByTestId("presence").textContent())
      .toMatch(/Farid Haddad/);
    const admin = await loginAs(suite.url, "editor");
    const renamed = await callApi(suite.url, admin, "PATCH", `/users/${farid.id}`, {
      displayName: "Farid H. Haddad",
    });
    expect(renamed.status).toBe(200);
    await expect
      .poll(() => colleaguePage.getByTestId("presence").textContent())
      .toMatch(/Farid H\. Haddad/);
    await expect
      .poll(() => page.getByTestId("account-menu").textContent())
      .toMatch(/Farid H\. Haddad/);
    await colleague.close();
    await context.close();
  });

  it("says so when the report cannot be loaded, and retries", async () => {
    const context = await newPersonContext(suite.browser, suite.url, "Jun Park");
    const page = await context.newPage();
    let failing = true;
    // The first report's outline, as the app asks for it (`/api/reports/1/report`).
    await page.route("**/api/reports/1/report", (route) =>
      failing ? route.fulfill({ status: 503, body: "unavailable" }) : route.fallback(),
    );
    await page.goto(`${suite.url}/sections/p1-sectors`);
    await page.getByRole("alert").filter({ hasText: "could not be loaded" }).waitFor();
    failing = false;
    await page.getByRole("button", { name: "Try again" }).click();
    await waitUntilConnected(page);
    expect(await page.locator("h1").first().textContent()).toBe("Impacts on development sectors");
    await context.close();
  });

  it("explains an unknown section and links back to the report", async () => {
    const context = await newPersonContext(suite.browser, suite.url, "Grace Lee");
    const page = await context.newPage();
    await page.goto(`${suite.url}/sections/no-such-section`);
    await page.getByRole("alert").filter({ hasText: "no-such-section" }).waitFor();
    await page.getByRole("link", { name: "Go to the first section of the report" }).click();
    await expect.poll(() => page.url()).toMatch(/\/sections\/summary$/);
    await waitUntilConnected(page);
    await context.close();
  });
});
