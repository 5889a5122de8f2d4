import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { callApi } from "../support/callApi";
import { loginAs } from "../support/serverProcess";
import { openSection, selectPhrase } from "./browser";
import { contextFor, openSectionAs, useBrowserSuite } from "./useBrowserSuite";

const SECTION = "p2-overview";

/** Everything the app's polite live region has said so far (its kept lines). */
const announced = async (page: Page) => (await page.getByTestId("announcer").textContent()) ?? "";

describe("screen readers hear what sighted users see change", () => {
  const suite = useBrowserSuite();

  it("co-authors joining, others' comments, length thresholds, a lock and the connection are announced", async () => {
    const admin = await loginAs(suite.url, "editor");
    const budget = await callApi(suite.url, admin, "PUT", `/sections/${SECTION}/budget`, {
      budget: 10,
    });
    expect(budget.status, JSON.stringify(budget.body)).toBe(200);
    const [{ page: drafter }] = await openSectionAs(suite, SECTION, ["drafter"]);
    drafter.setDefaultTimeout(10_000);

    // The live region is in the page from the start, polite, and silent.
    const region = drafter.getByTestId("announcer");
    expect(await region.getAttribute("aria-live")).toBe("polite");
    expect(await announced(drafter)).toBe("");

    // A co-author arrives: their caret and avatar appear, and their name is said.
    const reviewerPage = await openSection(await contextFor(suite, "reviewer"), suite.url, SECTION);
    await expect
      .poll(() => announced(drafter), { timeout: 10_000 })
      .toMatch(/joined this section\./);

    // Typing to 90 % and then past 110 % of the allocation (10 words): two announcements, not one a word.
    await drafter.getByTestId("editor").locator(".ProseMirror").click();
    await drafter.keyboard.type("One two three four five six seven eight nine ten");
    await expect
      .poll(() => announced(drafter), { timeout: 10_000 })
      .toMatch(/is within its allocation: \d+ of 10 words\./);
    await drafter.keyboard.type(" ten eleven twelve");
    await expect
      .poll(() => announced(drafter), { timeout: 10_000 })
      .toMatch(/is over its allocation: \d+ of 10 words\./);
    expect((await announced(drafter)).match(/allocation/g)?.length).toBe(2);

    // The reviewer comments: the drafter hears who commented on what.
    await reviewerPage.getByText("eleven twelve").waitFor();
    await selectPhrase(reviewerPage, "eleven twelve");
    await reviewerPage.keyboard.press("Control+Alt+KeyM");
    await reviewerPage.getByTestId("new-comment-form").locator("textarea").fill("Too long.");
    await reviewerPage.keyboard.press("Control+Enter");
    await expect
      .poll(() => announced(drafter), { timeout: 10_000 })
      .toMatch(/New comment by .+ on “eleven twelve”\./);

    // An editor approves the section while the drafter types: the lock is said at once.
    await callApi(suite.url, admin, "POST", `/sections/${SECTION}/status`, { action: "approve" });
    await expect
      .poll(() => announced(drafter), { timeout: 10_000 })
      .toMatch(/was approved and locked: it is read-only now\./);

    // The connection: offline and back, said by the connection status (a live output).
    const connection = drafter.locator("output.connection");
    expect(await connection.getAttribute("aria-live")).toBe("polite");
    await drafter.context().setOffline(true);
    await expect
      .poll(() => connection.textContent(), { timeout: 10_000 })
      .toMatch(/Offline: your changes are kept/);
    await drafter.context().setOffline(false);
    await expect.poll(() => connection.textContent(), { timeout: 10_000 }).toMatch(/Connected/);
  }, 90_000);
});
