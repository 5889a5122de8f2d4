import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { importFile } from "../api/apiFiles";
import { callApi } from "../support/callApi";
import { reviewedDocx } from "../support/reviewedDocx";
import { loginAs } from "../support/serverProcess";
import { axeViolations } from "./axeScan";
import {
  newContext,
  openSection,
  selectPhrase,
  type TestRole,
  waitUntilConnected,
} from "./browser";
import { contextFor, useBrowserSuite } from "./useBrowserSuite";

const SECTION = "p1-access";

/**
 * A section as a UN report holds it: sub-headings, lists, a quote, a titled table with source and
 * note, a box, a cross-reference, a paragraph in French, a link, footnotes.
 */
const DRAFT = `### Connectivity since 2005

Internet use has grown from one in six people to two in three.[^1] The gap in [speed](https://www.itu.int/) has widened.

- Mobile coverage reaches most people.
- Affordability remains the main barrier.

1. Women are less likely to be online.
2. Rural areas lag behind.

> Meaningful connectivity is now the measure that matters.

Table: Internet use by region {#t-regions}

| Region | 2005 | 2025 |
| --- | --- | --- |
| Africa | 2% | 38% |
| Europe | 46% | 91% |

Source: ITU, Facts and Figures 2025.

Note: Share of the population online.

> Box: Community networks {#b-community}
>
> Local operators connect villages the market leaves out.

See [t-regions](#table:t-regions) for the figures by region.

La connectivité significative est la nouvelle mesure. {lang=fr}

#### Skills

Digital skills decide who benefits.[^2]

[^1]: ITU, Facts and Figures 2025.
[^2]: UNESCO, Global Education Monitoring Report.
`;

const WORD_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Fails with every WCAG 2.1 A/AA violation axe finds on the page as it is now. */
async function expectNoViolations(page: Page, screen: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `${screen}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

describe("accessibility (axe-core, WCAG 2.1 A and AA) of every page and dialog", () => {
  const suite = useBrowserSuite();
  /** A Word file a reviewer worked on: a comment that is placed, a deletion that is not. */
  let reviewed: Buffer;

  beforeAll(async () => {
    reviewed = Buffer.from(
      await reviewedDocx(
        [
          ["Digital skills decide ", { commentStart: 1 }, "who benefits", { commentEnd: 1 }, "."],
          ["A paragraph that ", { del: "was since deleted", author: "Jon Smith (Norway)" }, "."],
        ],
        [{ id: 1, author: "Jon Smith (Norway)", text: "Which skills?" }],
      ),
    );
    const drafter = await loginAs(suite.url, "drafter");
    const imported = await importFile(suite.url, drafter, SECTION, "draft.md", DRAFT);
    expect(imported.status).toBe(200);
    const editor = await loginAs(suite.url, "editor");
    await callApi(suite.url, editor, "POST", "/versions", { name: "Progress report" });
    // A comment and a suggestion, made by the drafter through the comments panel.
    const page = await openSection(await contextFor(suite, "drafter"), suite.url, SECTION);
    await page.getByText("Affordability remains").waitFor();
    await selectPhrase(page, "main barrier");
    await page.keyboard.press("Control+Alt+KeyM");
    const form = page.getByTestId("new-comment-form");
    await form.locator("textarea").fill("Give the figure for least developed countries.");
    await form.getByRole("button", { name: "Comment" }).click();
    await form.waitFor({ state: "detached" });
    await selectPhrase(page, "lag behind");
    await page.keyboard.press("Control+Alt+KeyM");
    await form.locator("textarea").fill("Clearer wording.");
    await form.getByLabel("Suggest replacement").check();
    await form.getByRole("textbox", { name: "Replacement" }).fill("remain behind cities");
    await form.getByRole("button", { name: "Comment" }).click();
    await form.waitFor({ state: "detached" });
    await page.context().close();
    // A co-author stays in the section, caret in the text: carets and presence are scanned too.
    const coAuthor = await openSection(
      await contextFor(suite, { person: "Amina Diallo" }),
      suite.url,
      SECTION,
    );
    await selectPhrase(coAuthor, "Digital skills");
    await coAuthor.keyboard.press("End");
  });

  it("the sign-in page, empty and after a refused sign-in", async () => {
    const page = await (await newContext(suite.browser)).newPage();
    await page.goto(suite.url);
    await page.getByTestId("signin-username").waitFor();
    await expectNoViolations(page, "sign-in");
    await page.getByTestId("signin-username").fill("nobody");
    await page.getByTestId("signin-password").fill("wrong password");
    await page.getByTestId("signin-submit").click();
    await page.getByTestId("signin-error").waitFor();
    await expectNoViolations(page, "sign-in refused");
    await page.context().close();
  });

  for (const role of ["editor", "drafter", "reviewer"] as const satisfies TestRole[]) {
    it(`every page and dialog of a ${role}: no violation`, async () => {
      const context = await contextFor(suite, role);
      const page = await openSection(context, suite.url, SECTION);
      page.setDefaultTimeout(10_000);
      await page.getByTestId("comment-thread").nth(1).waitFor();
      await page.getByRole("img", { name: "Amina Diallo’s cursor" }).waitFor();
      await page.locator(".footnote-ref").first().waitFor();
      await page.getByRole("combobox", { name: "Insert a cross-reference" }).waitFor();
      await expectNoViolations(
        page,
        `${role}: section with headings, lists, table, box, notes; language and cross-reference menus`,
      );

      if (role !== "reviewer") {
        await page.locator(".ProseMirror td", { hasText: "Africa" }).click();
        await page.getByRole("textbox", { name: "Table title" }).waitFor();
        expect(await page.getByRole("textbox", { name: "Source" }).inputValue()).toContain("ITU");
        await expectNoViolations(page, `${role}: table tools (title, source, note fields)`);
        await page.locator(".ProseMirror").getByText("Local operators connect").click();
        await page.getByRole("textbox", { name: "Box title" }).waitFor();
        await expectNoViolations(page, `${role}: box tools`);
        await page.locator(".ProseMirror p[lang=fr]").click();
        await expect
          .poll(() =>
            page.getByRole("combobox", { name: "Language of the paragraph" }).inputValue(),
          )
          .toBe("fr");
        await expectNoViolations(page, `${role}: paragraph in French, language menu`);
      }

      await page.locator(".footnote-ref__number").first().click();
      await page.locator(".footnote-popover").waitFor();
      await expectNoViolations(page, `${role}: footnote open`);
      await page.keyboard.press("Escape");

      await page.getByTestId("export-menu").click();
      await page.getByRole("menu").waitFor();
      await expectNoViolations(page, `${role}: export menu`);
      if (role === "editor") {
        await page.getByRole("menuitem", { name: /Word — final/ }).click();
        await page.getByTestId("preflight-items").waitFor();
        await expectNoViolations(page, "editor: preflight of the final export");
        await page
          .getByTestId("confirm-final-export")
          .getByRole("button", { name: "Cancel" })
          .click();
        await page.getByTestId("confirm-final-export").waitFor({ state: "detached" });
      } else {
        await page.keyboard.press("Escape");
      }

      await page.getByTestId("account-menu").click();
      await page.getByRole("menu").waitFor();
      await expectNoViolations(page, `${role}: account menu`);
      await page.keyboard.press("Escape");

      await page.getByTestId("shortcuts-button").click();
      await page.getByRole("dialog", { name: "Keyboard shortcuts" }).waitFor();
      await expectNoViolations(page, `${role}: keyboard shortcuts dialog`);
      await page.keyboard.press("Escape");

      await selectPhrase(page, "Digital skills");
      await page.keyboard.press("Control+Alt+KeyM");
      await page.getByTestId("new-comment-form").getByLabel("Suggest replacement").check();
      await expectNoViolations(page, `${role}: new comment form`);
      await page.getByTestId("new-comment-form").getByRole("button", { name: "Cancel" }).click();

      await page.getByTestId("comment-thread").first().click();
      await expectNoViolations(page, `${role}: active thread`);

      if (role !== "reviewer") {
        await selectPhrase(page, "speed");
        await page.keyboard.press("Control+k");
        await page.getByTestId("link-input").waitFor();
        await expectNoViolations(page, `${role}: link dialog`);
        await page.keyboard.press("Escape");

        await page.getByTestId("import-file").setInputFiles({
          name: "draft.md",
          mimeType: "text/markdown",
          buffer: Buffer.from("# A new draft\n"),
        });
        await page.getByTestId("import-confirm").waitFor();
        await expectNoViolations(page, `${role}: import dialog`);
        await page.keyboard.press("Escape");
      }
      await page.getByTestId("import-review-file").setInputFiles({
        name: "reviewed.docx",
        mimeType: WORD_TYPE,
        buffer: reviewed,
      });
      await page.getByTestId("import-review-unplaced").waitFor();
      await expectNoViolations(page, `${role}: reviewed Word file imported`);
      await page.getByTestId("import-review-dialog").getByRole("button", { name: "Close" }).click();
      await page.getByTestId("import-review-file").setInputFiles({
        name: "notes.txt",
        mimeType: "text/plain",
        buffer: Buffer.from("Not a Word file"),
      });
      await page.getByTestId("import-review-error").waitFor();
      await expectNoViolations(page, `${role}: reviewed Word file refused`);
      await page.getByTestId("import-review-dialog").getByRole("button", { name: "Close" }).click();

      if (role === "editor") {
        await page.getByTestId("edit-leads").click();
        await page.getByTestId("lead-options").waitFor();
        await expectNoViolations(page, "editor: lead drafters dialog");
        await page.keyboard.press("Escape");
        await page.getByRole("button", { name: "Approve and lock" }).click();
        await page.getByTestId("confirm-approve").waitFor();
        await expectNoViolations(page, "editor: confirm approval dialog");
        await page.keyboard.press("Escape");
      }

      await page.getByTestId("history-toggle").click();
      await page.getByTestId("history-entry").first().click();
      await page.getByTestId("history-preview").waitFor();
      await expectNoViolations(page, `${role}: history preview`);

      const versions = page.getByTestId("versions-panel");
      await versions.getByRole("button", { name: "Versions of the report" }).click();
      await versions.getByRole("button", { name: "Compare" }).click();
      await page.getByTestId("compare-view").waitFor();
      await expectNoViolations(page, `${role}: comparison with a version`);
      if (role === "editor") {
        await versions.getByRole("button", { name: /^Restore the report to / }).click();
        await page.getByTestId("restore-version-dialog").waitFor();
        await expectNoViolations(page, "editor: restore the report to a version dialog");
        await page.keyboard.press("Escape");
        await page.getByTestId("restore-version-dialog").waitFor({ state: "detached" });
      }

      await page.getByTestId("account-menu").click();
      await page.getByRole("menuitem", { name: /Document settings/ }).click();
      await page.getByTestId("document-settings").waitFor();
      // Editors change the settings; everyone else reads them.
      expect(await page.getByTestId("setting-symbol").isEditable()).toBe(role === "editor");
      await expectNoViolations(page, `${role}: document settings`);

      for (const [path, ready] of [
        ["/review", "review-list"],
        ["/budget", "budget-table"],
        ["/users", role === "editor" ? "users-table" : null],
        ["/audit", role === "editor" ? "audit-table" : null],
      ] as const) {
        await page.goto(`${suite.url}${path}`);
        if (ready) await page.getByTestId(ready).waitFor();
        else await page.getByRole("heading", { name: "Editors only" }).waitFor();
        await expectNoViolations(page, `${role}: ${path}`);
      }
      if (role === "editor") {
        await page.goto(`${suite.url}/budget`);
        await page.getByTestId("timetable-edit").click();
        await page.getByTestId("timetable-form").waitFor();
        await expectNoViolations(page, "editor: timetable form");
      }
      await page.goto(`${suite.url}/sections/${SECTION}`);
      await waitUntilConnected(page);
      await context.close();
    }, 120_000);
  }
});
