// The Themes page of the evidence library: reached from the Evidence page's tabs by keyboard, it
// charts the key phrases of the generated questionnaire's answers (counts from the generator),
// narrows them to a question, lists the passages of a phrase with the phrase marked and links to
// their sources, and charts the WSIS Action Lines with the under-covered ones marked. An editor
// saves a keyword rule that changes a count; a reviewer only reads the rules, and an editor
// demoted while the form is open is refused by the server, whose message the form shows.
import { fixtureSubmissions, formsCsv } from "@rapporteur/evidence/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { callApi } from "../support/callApi";
import { loginAs } from "../support/serverProcess";
import { axeViolations } from "./axeScan";
import { createPerson, signedInContext } from "./browser";
import { useBrowserSuite } from "./useBrowserSuite";

const rows = fixtureSubmissions();
const using = (pattern: RegExp, question?: number) =>
  rows.filter((row) =>
    question === undefined
      ? row.answers.some((a) => pattern.test(a))
      : pattern.test(row.answers[question - 1] ?? ""),
  ).length;

describe("the evidence Themes page", () => {
  const suite = useBrowserSuite();
  let admin: string;

  beforeAll(async () => {
    admin = await loginAs(suite.url, "editor");
    const forms = await callApi(suite.url, admin, "POST", "/evidence/import", {
      filename: "forms.csv",
      contentBase64: Buffer.from(formsCsv()).toString("base64"),
    });
    expect(forms.status, JSON.stringify(forms.body)).toBe(200);
  });

  it("charts phrases, drills down to passages and charts the Action Lines; an editor's rule changes a count", async () => {
    const person = await createPerson(suite.url, "Theme Editor", "editor");
    const context = await signedInContext(suite.browser, suite.url, person);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${suite.url}/evidence`);
    const tab = page.getByTestId("evidence-tab-themes");
    await tab.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Evidence themes" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/reports/1/evidence/themes");
    expect(await tab.getAttribute("aria-current")).toBe("page");

    // Every English row says "The digital divide…": the bar carries its count as text. The
    // generator's answers give 68 phrases in all, more than the first 30 shown.
    const divideCount = using(/digital divide/i);
    expect(divideCount).toBe(30);
    await page.getByTestId("themes-phrases").waitFor();
    expect(await page.getByTestId("themes-phrase-button").count()).toBe(30);
    await page.getByTestId("themes-limit").selectOption("100");
    const phrases = page.getByTestId("themes-phrases");
    const phraseRow = (phrase: string) =>
      phrases
        .getByRole("row")
        .filter({ has: page.getByRole("button", { name: phrase, exact: true }) });
    const divide = phraseRow("digital divide");
    await divide.waitFor();
    expect(await divide.getByTestId("themes-phrase-count").textContent()).toBe(String(divideCount));

    // Narrowed to question 7, where every tenth row plants "meaningful connectivity".
    const planted = using(/meaningful connectivity/i, 7);
    expect(planted).toBe(15);
    await page.getByTestId("themes-question").selectOption("q7");
    const connectivity = phraseRow("meaningful connectivity");
    await connectivity.waitFor();
    expect(await connectivity.getByTestId("themes-phrase-count").textContent()).toBe(
      String(planted),
    );

    // Drill-down by keyboard: the passages, the phrase marked, each linking to its source.
    await connectivity.getByRole("button").focus();
    await page.keyboard.press("Enter");
    const passages = page.getByTestId("themes-passages");
    await expect
      .poll(() => passages.getByTestId("themes-passages-total").textContent())
      .toBe(`${planted} passages in ${planted} submissions.`);
    expect(await connectivity.getByRole("button").getAttribute("aria-expanded")).toBe("true");
    expect(await passages.getByTestId("themes-passage").count()).toBe(planted);
    const first = passages.getByTestId("themes-passage").first();
    expect((await first.locator("mark").textContent())?.toLowerCase()).toBe(
      "meaningful connectivity",
    );
    expect(await first.textContent()).toContain("Question 7");
    const href = await first.getByTestId("themes-passage-link").getAttribute("href");
    expect(href).toMatch(/^\/reports\/1\/evidence\/[1-9][0-9]*$/);

    // No rules or codes yet: every Action Line is under-covered, and the page says so in text.
    const lines = page.getByTestId("themes-lines");
    await lines.waitFor();
    expect(await lines.getByRole("row").count()).toBe(12);
    await page.getByTestId("themes-line-under-C2").waitFor();
    expect(await page.getByTestId("themes-under-covered").textContent()).toContain(
      "Under-covered: fewer than 1 submission",
    );
    expect(await axeViolations(page)).toEqual([]);

    // The editor adds a keyword to C2: the English rows use "broadband access".
    const broadband = using(/broadband access/i);
    expect(broadband).toBe(30);
    await page.getByTestId("themes-rule-input-C2").fill("broadband access");
    await page.getByTestId("themes-rules-save").click();
    await page.getByTestId("themes-rules-saved").waitFor();
    await expect
      .poll(() => page.getByTestId("themes-line-count-C2").textContent())
      .toBe(String(broadband));
    expect(await page.getByTestId("themes-line-under-C2").count()).toBe(0);
    expect(await page.getByTestId("themes-line-under-C3").count()).toBe(1);
    const threshold = Math.ceil(broadband / 4);
    expect(await page.getByTestId("themes-under-covered").textContent()).toContain(
      `Under-covered: fewer than ${threshold} submissions`,
    );

    // A reviewer reads the rules and has no form to change them.
    const reviewerContext = await signedInContext(suite.browser, suite.url, "reviewer");
    const reviewerPage = await reviewerContext.newPage();
    await reviewerPage.goto(`${suite.url}/evidence/themes`);
    await reviewerPage.getByTestId("themes-rules-readonly").waitFor();
    expect(await reviewerPage.getByTestId("themes-rule-C2").textContent()).toBe("broadband access");
    expect(await reviewerPage.getByTestId("themes-rules-save").count()).toBe(0);
    expect(await reviewerPage.getByTestId("themes-line-count-C2").textContent()).toBe(
      String(broadband),
    );
    await reviewerContext.close();

    // Demoted to reviewer with the form still open: the server refuses and the form says why.
    const demoted = await callApi(suite.url, admin, "PATCH", `/users/${person.id}`, {
      role: "reviewer",
    });
    expect(demoted.status, JSON.stringify(demoted.body)).toBe(200);
    await page.getByTestId("themes-rule-input-C3").fill("fracture numerique");
    await page.getByTestId("themes-rules-save").click();
    await expect
      .poll(() => page.getByTestId("themes-rules-error").textContent())
      .toBe("Only editors change the keyword rules of the Action Lines");
    const rules = await callApi(suite.url, admin, "GET", "/evidence/action-line-rules");
    expect(rules.body.rules.C3).toEqual([]);
    expect(await page.getByTestId("themes-line-count-C3").textContent()).toBe("0");

    await first.getByTestId("themes-passage-link").click();
    await page.waitForURL(`${suite.url}${href}`);
    await context.close();
  }, 90_000);
});
