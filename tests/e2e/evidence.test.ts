import { normaliseStakeholderGroup } from "@rapporteur/evidence";
import { fixtureSubmissions, formsCsv } from "@rapporteur/evidence/testing";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations } from "./axeScan";
import { signedInContext } from "./browser";
import { useBrowserSuite } from "./useBrowserSuite";

// Accounts: see TEST_ACCOUNTS in tests/support/serverProcess.ts (admin = editor, drafter, reviewer).

const SUBMISSIONS = fixtureSubmissions(150);
const PHRASE = "meaningful connectivity";
/** Civil-society submissions whose answers hold the phrase: what the filtered search must find. */
const EXPECTED = SUBMISSIONS.filter(
  (row) =>
    normaliseStakeholderGroup(row.group) === "civil_society" &&
    row.answers.some((answer) => answer.toLowerCase().includes(PHRASE)),
).length;

describe("the Evidence page", () => {
  const suite = useBrowserSuite();

  const openEvidence = async (role: "editor" | "reviewer", query = ""): Promise<Page> => {
    const context = await signedInContext(suite.browser, suite.url, role);
    const page = await context.newPage();
    await page.goto(`${suite.url}/evidence${query}`);
    await page
      .getByTestId("evidence-total")
      .filter({ hasText: /sources?/ })
      .waitFor();
    return page;
  };

  it("lets an editor import a questionnaire, search a phrase with a filter and open a source", async () => {
    expect(EXPECTED).toBeGreaterThan(1);
    const page = await openEvidence("editor");
    expect(await page.getByTestId("evidence-total").textContent()).toBe("0 sources");

    // A file the library cannot read: the server's message, nothing imported.
    await page.getByTestId("evidence-file").setInputFiles({
      name: "notes.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("Some notes"),
    });
    await page.getByTestId("evidence-import").click();
    await expect
      .poll(() => page.getByTestId("evidence-import-error").textContent())
      .toContain("Cannot import 'notes.txt' as evidence");
    expect(await page.getByTestId("evidence-total").textContent()).toBe("0 sources");

    await page.getByTestId("evidence-file").setInputFiles({
      name: "consultation.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(formsCsv(SUBMISSIONS)),
    });
    await page.getByTestId("evidence-import").click();
    await expect
      .poll(() => page.getByTestId("evidence-import-status").textContent(), { timeout: 30_000 })
      .toContain("Imported 150 sources as questionnaire submission.");
    await expect
      .poll(() => page.getByTestId("evidence-total").textContent())
      .toBe("150 sources (the first 50 shown)");

    await page.getByTestId("evidence-q").fill(`"${PHRASE}"`);
    await page.getByTestId("evidence-group").selectOption("civil_society");
    await page.getByTestId("evidence-search-button").click();
    await expect
      .poll(() => page.getByTestId("evidence-total").textContent())
      .toBe(`${EXPECTED} sources`);
    expect(await page.getByTestId("evidence-hit").count()).toBe(EXPECTED);
    // The address keeps the search: a reload shows the same.
    expect(new URL(page.url()).searchParams.get("q")).toBe(`"${PHRASE}"`);
    expect(new URL(page.url()).searchParams.get("group")).toBe("civil_society");
    await page.reload();
    await page.getByTestId("evidence-hit").first().waitFor();
    expect(await page.getByTestId("evidence-total").textContent()).toBe(`${EXPECTED} sources`);
    expect(await page.getByTestId("evidence-q").inputValue()).toBe(`"${PHRASE}"`);
    expect(await page.getByTestId("evidence-group").inputValue()).toBe("civil_society");

    // The matching passage is highlighted with real <mark> elements, the rest is text.
    const firstExcerpt = page.getByTestId("evidence-excerpt").first();
    expect(
      (await firstExcerpt.locator("mark").allTextContents()).join(" ").toLowerCase(),
    ).toContain("meaningful");
    expect(await firstExcerpt.textContent()).not.toMatch(/<\/?mark>|&lt;|&amp;/);

    expect(await axeViolations(page)).toEqual([]);

    // Keyboard: arrows move between the results; Enter opens one.
    const links = page.getByTestId("evidence-hit-link");
    await links.first().focus();
    await page.keyboard.press("ArrowDown");
    expect(await links.nth(1).evaluate((el) => el === document.activeElement)).toBe(true);
    const title = await links.nth(1).textContent();
    await page.keyboard.press("Enter");
    await page.getByTestId("evidence-source").waitFor();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(title);
    expect(await page.getByTestId("evidence-answers").textContent()).toContain(
      "Priority: meaningful connectivity for all.",
    );
    expect(await page.getByTestId("evidence-source").textContent()).toContain("Civil society");
    expect(await axeViolations(page)).toEqual([]);

    // Back to the same search.
    await page.getByTestId("evidence-back").click();
    await expect
      .poll(() => page.getByTestId("evidence-total").textContent())
      .toBe(`${EXPECTED} sources`);
    await page.context().close();
  });

  it("lets a reviewer search and read, with no upload", async () => {
    const page = await openEvidence("reviewer", `?q=${encodeURIComponent(`"${PHRASE}"`)}`);
    await page.getByTestId("evidence-read-only").waitFor();
    expect(await page.getByTestId("evidence-upload").count()).toBe(0);
    expect(await page.getByTestId("evidence-file").count()).toBe(0);
    const all = SUBMISSIONS.filter((row) =>
      row.answers.some((answer) => answer.toLowerCase().includes(PHRASE)),
    ).length;
    expect(await page.getByTestId("evidence-total").textContent()).toBe(`${all} sources`);
    expect(await page.getByTestId("evidence-link").getAttribute("aria-current")).toBe("page");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId("evidence-hit-link").first().click();
    await page.getByTestId("evidence-text").waitFor();
    expect(await page.getByTestId("evidence-text").textContent()).toContain(PHRASE);
    await page.context().close();
  });
});
