import { fixtureSubmissions, formsCsv } from "@rapporteur/evidence/testing";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signedInContext } from "./browser";
import { useBrowserSuite } from "./useBrowserSuite";

// Accounts: see TEST_ACCOUNTS in tests/support/serverProcess.ts (admin = editor, drafter, reviewer).

describe("coding a source of the evidence library", () => {
  const suite = useBrowserSuite();

  const open = async (role: "drafter" | "reviewer", path: string): Promise<Page> => {
    const context = await signedInContext(suite.browser, suite.url, role);
    const page = await context.newPage();
    await page.goto(`${suite.url}${path}`);
    return page;
  };

  it("lets a drafter code a selected passage, highlighted and listed under its code; a reviewer sees no coding control", async () => {
    const page = await open("drafter", "/evidence");
    const ids = await page.evaluate(
      async (contentBase64) => {
        const response = await fetch("/api/evidence/import", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ filename: "forms.csv", contentBase64 }),
        });
        return ((await response.json()) as { ids: number[] }).ids;
      },
      Buffer.from(formsCsv(fixtureSubmissions(2))).toString("base64"),
    );
    const id = ids[0];
    await page.goto(`${suite.url}/evidence/${id}`);
    const answer = page.getByTestId("evidence-answer-q2");
    await answer.waitFor();
    const full = (await answer.textContent()) ?? "";
    const quote = full.slice(0, 14);

    // Nothing selected: the page says what to do.
    await page.getByTestId("code-selection").click();
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toMatch(/Select a passage/);

    await answer.evaluate((element) => {
      const text = element.firstChild?.firstChild as Text;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, 14);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    });
    await page.getByTestId("code-selection").click();
    const dialog = page.getByTestId("code-selection-dialog");
    await dialog.waitFor();
    expect(await dialog.locator("blockquote").textContent()).toBe(quote);
    await page.getByTestId("new-code-name").fill("Connectivity");
    await page.getByTestId("add-code").click();
    await page.getByTestId("code-option-Connectivity").waitFor();
    expect(await page.getByTestId("code-option-Connectivity").isChecked()).toBe(true);
    await page.getByTestId("code-submit").click();
    await dialog.waitFor({ state: "detached" });

    const coded = answer.getByTestId("evidence-coded");
    await coded.waitFor();
    expect(await coded.textContent()).toBe(`${quote} (coded: Connectivity)`);
    expect(await coded.locator(".visually-hidden").textContent()).toBe(" (coded: Connectivity)");
    expect(await coded.evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe(
      "rgba(0, 0, 0, 0)",
    );
    const code = page.getByTestId("codebook-code-Connectivity");
    await expect.poll(() => code.textContent()).toContain("(1)");
    await code.click();
    await expect
      .poll(() => page.getByTestId("codebook-excerpts").textContent())
      .toContain(`${quote}`);
    expect(await page.getByTestId("codebook-excerpts").textContent()).toContain("(drafter)");

    const reviewer = await open("reviewer", `/evidence/${id}`);
    await reviewer.getByTestId("evidence-answer-q2").getByTestId("evidence-coded").waitFor();
    await reviewer.getByTestId("codebook-code-Connectivity").waitFor();
    expect(await reviewer.getByTestId("code-selection").count()).toBe(0);
    await reviewer.keyboard.press("Control+Alt+c");
    expect(await reviewer.getByTestId("code-selection-dialog").count()).toBe(0);
  }, 90_000);
});
