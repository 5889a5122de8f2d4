import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { importFile } from "../api/apiFiles";
import { callApi } from "../support/callApi";
import { loginAs } from "../support/serverProcess";
import { focusEndOfText, openSection, signedInContext } from "./browser";
import { useBrowserSuite } from "./useBrowserSuite";

// Accounts: see TEST_ACCOUNTS in tests/support/serverProcess.ts (admin = editor, drafter, reviewer).

const format = (n: number) => n.toLocaleString("en-US");
const number = (text: string | null) => Number((text ?? "").replace(/[^\d-]/g, ""));

/** Markdown of `words` plain words in one paragraph. */
const words = (count: number) => Array.from({ length: count }, (_, i) => `word${i}`).join(" ");

describe("the Budget page", () => {
  const suite = useBrowserSuite();
  let editorCookie: string;

  beforeAll(async () => {
    editorCookie = await loginAs(suite.url, "editor");
    for (const [id, count] of [
      ["intro-overview", 1_400],
      ["p1-access", 300],
      ["p1-ecosystem", 2_500],
    ] as const) {
      const answer = await importFile(suite.url, editorCookie, id, `${id}.md`, words(count));
      expect(answer.status).toBe(200);
    }
  });

  const openBudget = async (role: "editor" | "drafter" | "reviewer"): Promise<Page> => {
    const context = await signedInContext(suite.browser, suite.url, role);
    const page = await context.newPage();
    await page.goto(`${suite.url}/budget`);
    await page.getByTestId("budget-table").waitFor();
    return page;
  };

  it("shows the totals, remaining words and each section as /api/budget has them", async () => {
    const page = await openBudget("reviewer");
    const budget = (await callApi(suite.url, editorCookie, "GET", "/budget")).body;
    expect(budget.totals.counted).toBe(4_200);
    await expect
      .poll(() => page.getByTestId("budget-total-counted").textContent())
      .toBe(format(budget.totals.counted));
    expect(await page.getByTestId("budget-to-min").textContent()).toBe(
      format(budget.remaining.toMin),
    );
    expect(await page.getByTestId("budget-to-max").textContent()).toBe(
      format(budget.remaining.toMax),
    );
    expect(await page.getByTestId("budget-total-allocated").textContent()).toBe(
      format(budget.totals.budget),
    );
    for (const section of budget.sections) {
      expect(number(await page.getByTestId(`budget-words-${section.id}`).textContent())).toBe(
        section.words,
      );
      const state = page.getByTestId(`budget-state-${section.id}`);
      expect(await state.getAttribute("data-state")).toBe(section.state);
    }
    // States in words, not only in colour: 1,400 of 1,500 is on track, 2,500 of 1,800 is over.
    expect(await page.getByTestId("budget-state-intro-overview").textContent()).toBe("On track");
    expect(await page.getByTestId("budget-state-p1-ecosystem").textContent()).toBe("Over");
    expect(await page.getByTestId("budget-state-p1-access").textContent()).toBe("Short");
    // The sidebar's bars say the same, in their accessible names.
    expect(await page.getByTestId("budget-bar-p1-ecosystem").getAttribute("aria-label")).toBe(
      "Over: 2,500 of 1,800 words",
    );
    // A reviewer sees allocations as text, not as inputs.
    expect(await page.getByTestId("allocation-input-p1-access").count()).toBe(0);
    expect(await page.getByTestId("budget-projection").textContent()).toMatch(
      /No progress yet|At the current pace of [\d,]+ words\/day/,
    );
    await page.context().close();
  });

  it("lets an editor change an allocation: the table, totals and warning follow", async () => {
    const page = await openBudget("editor");
    expect(await page.getByTestId("budget-allocation-warning").count()).toBe(0);

    // Refused values show the server's message and change nothing.
    const input = page.getByTestId("allocation-input-p3-opportunities");
    await input.fill("-5");
    await input.press("Enter");
    await expect
      .poll(() => page.getByTestId("allocation-error-p3-opportunities").textContent())
      .toContain("body.budget");
    expect((await callApi(suite.url, editorCookie, "GET", "/budget")).body.totals.budget).toBe(
      35_000,
    );

    // 2,800 -> 9,000: the allocations add up to 41,200, above the 40,000 maximum.
    await input.fill("9000");
    await input.press("Enter");
    await expect
      .poll(() => page.getByTestId("budget-total-allocated").textContent())
      .toBe("41,200");
    await expect
      .poll(() => page.getByTestId("budget-allocation-warning").textContent())
      .toContain("1,200 above the maximum of 40,000");
    expect(await page.getByTestId("allocation-error-p3-opportunities").count()).toBe(0);
    expect(await input.inputValue()).toBe("9000");
    const part = (await callApi(suite.url, editorCookie, "GET", "/budget")).body.parts.find(
      (p: { id: string }) => p.id === "part-3",
    );
    // Part 3 allocates 7,200 (the Summary took 300 of p3-future-context), +6,200 here.
    expect(part.budget).toBe(13_400);

    // Back to the outline's allocation: the warning goes.
    await page.getByTestId("allocation-reset-p3-opportunities").click();
    await expect
      .poll(() => page.getByTestId("budget-total-allocated").textContent())
      .toBe("35,000");
    expect(await page.getByTestId("budget-allocation-warning").count()).toBe(0);
    expect(await input.inputValue()).toBe("2800");
    await page.context().close();
  });

  it("moves a section's count by ten on another user's Budget page as a drafter types ten words", async () => {
    const watcher = await openBudget("reviewer");
    const before = number(await watcher.getByTestId("budget-words-p1-access").textContent());
    expect(before).toBe(300);

    const drafter = await openSection(
      await signedInContext(suite.browser, suite.url, "drafter"),
      suite.url,
      "p1-access",
    );
    await focusEndOfText(drafter);
    await drafter.keyboard.type(" alpha bravo charlie delta echo foxtrot golf hotel india juliet");

    await expect
      .poll(async () => number(await watcher.getByTestId("budget-words-p1-access").textContent()), {
        timeout: 15_000,
      })
      .toBe(before + 10);
    expect(number(await watcher.getByTestId("budget-total-counted").textContent())).toBe(4_210);
    // The reviewer's outline sidebar moved too.
    await expect
      .poll(async () => number(await watcher.getByTestId("words-p1-access").textContent()))
      .toBe(before + 10);
    await drafter.context().close();
    await watcher.context().close();
  });
});
