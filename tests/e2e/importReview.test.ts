import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { reviewedDocx } from "../support/reviewedDocx";
import { documentText, focusEndOfText } from "./browser";
import { openSectionAs, useBrowserSuite } from "./useBrowserSuite";

const SECTION = "p1-context";
const AMINA = "Amina Diallo (Senegal)";
const JON = "Jon Smith (Norway)";
const thread = (page: Page, text: string) =>
  page.getByTestId("comment-thread").filter({ hasText: text });

describe("importing a reviewed Word file in the web app", () => {
  const suite = useBrowserSuite();
  let drafter: Page;
  let reviewer: Page;

  beforeAll(async () => {
    [{ page: drafter }, { page: reviewer }] = await openSectionAs(suite, SECTION, [
      "drafter",
      "reviewer",
    ]);
    await focusEndOfText(drafter);
    await drafter.keyboard.type(
      "Broadband reached half of the world. Gaps remain wide in rural areas.",
    );
  });

  it("a reviewer imports the file: suggestions and threads by the Word authors, unplaced ones listed, text unchanged until a drafter accepts", async () => {
    await expect.poll(() => documentText(reviewer)).toContain("rural areas.");
    const before = await documentText(drafter);
    const file = await reviewedDocx(
      [
        [
          "Broadband reached ",
          { del: "half", author: AMINA },
          { ins: "two thirds", author: AMINA },
          " of the world. Gaps remain wide in ",
          { commentStart: 1 },
          "rural areas",
          { commentEnd: 1 },
          ".",
        ],
        ["A paragraph that ", { del: "was since deleted", author: JON }, "."],
      ],
      [{ id: 1, author: JON, text: "Which regions?" }],
    );
    await reviewer.getByTestId("import-review-file").setInputFiles({
      name: "reviewed.docx",
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      buffer: Buffer.from(file),
    });
    const result = reviewer.getByTestId("import-review-result");
    await result.waitFor();
    expect(await result.getByRole("status").textContent()).toContain("1 suggestion and 1 comment");
    const unplaced = reviewer.getByTestId("import-review-unplaced");
    expect(await unplaced.textContent()).toContain(`${JON}`);
    expect(await unplaced.textContent()).toContain("Delete “was since deleted”");
    await reviewer.screenshot({ path: "/tmp/import-review-dialog.png" });
    await reviewer.getByRole("button", { name: "Close" }).click();

    // Everyone sees the threads by their Word authors, imported by the reviewer.
    const change = thread(drafter, "Replace “half” with “two thirds”");
    await change.waitFor();
    expect(await change.getByTestId("comment-quote").textContent()).toBe("half");
    expect(await change.locator(".comment-byline__name").first().textContent()).toBe(AMINA);
    expect(await change.getByTestId("comment-origin").textContent()).toMatch(
      /from Word, imported by Demo Reviewer/,
    );
    const comment = thread(drafter, "Which regions?");
    expect(await comment.locator(".comment-byline__name").first().textContent()).toBe(JON);
    expect(await documentText(drafter)).toBe(before);
    await drafter.screenshot({ path: "/tmp/import-review-threads.png" });

    await change.getByRole("button", { name: "Accept" }).click();
    await expect.poll(() => documentText(reviewer)).toContain("Broadband reached two thirds of");
  });

  it("a file that is not a reviewed Word file is refused with the reason", async () => {
    await reviewer.getByTestId("import-review-file").setInputFiles({
      name: "plain.docx",
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      buffer: Buffer.from(await reviewedDocx([["Nothing reviewed here."]])),
    });
    const error = reviewer.getByTestId("import-review-error");
    await error.waitFor();
    expect(await error.textContent()).toContain("no tracked changes and no comments");
    await reviewer.getByRole("button", { name: "Close" }).click();
  });
});
