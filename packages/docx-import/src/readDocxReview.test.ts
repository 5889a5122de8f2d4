import { describe, expect, it } from "vitest";
import { DocxImportError } from "./docxImportError";
import { readDocxReview } from "./readDocxReview";
import { reviewedDocx } from "./testing/reviewedDocx";

const AMINA = "Amina Diallo (Senegal)";
const JON = "Jon Smith (Norway)";

describe("readDocxReview", () => {
  it("reads insertions, deletions and replacements with their authors, in the text before the review", async () => {
    const file = await reviewedDocx([
      [
        "Broadband reached ",
        { del: "half", author: AMINA, date: "2026-11-20T10:00:00Z" },
        { ins: "two thirds", author: AMINA, date: "2026-11-20T10:00:00Z" },
        " of the world",
        { ins: " by 2025", author: JON, date: "2026-11-22T08:00:00Z" },
        ".",
      ],
      ["Gaps remain ", { del: "very ", author: JON }, "wide."],
    ]);
    const review = await readDocxReview(file);
    expect(review.text).toBe("Broadband reached half of the world.\nGaps remain very wide.\n");
    expect(review.changes).toEqual([
      {
        author: AMINA,
        date: "2026-11-20T10:00:00Z",
        at: 18,
        deleted: "half",
        inserted: "two thirds",
      },
      { author: JON, date: "2026-11-22T08:00:00Z", at: 35, deleted: "", inserted: " by 2025" },
      { author: JON, date: "2026-11-20T10:00:00Z", at: 49, deleted: "very ", inserted: "" },
    ]);
  });

  it("reads comments on their ranges with replies from commentsExtended.xml and the done flag", async () => {
    const file = await reviewedDocx(
      [["Access ", { commentStart: 1 }, "has grown", { commentEnd: 1 }, " fast."]],
      [
        { id: 1, author: AMINA, text: "Source?", date: "2026-11-20T11:00:00Z" },
        { id: 2, author: JON, text: "ITU 2025.", parent: 1, date: "2026-11-21T11:00:00Z" },
        { id: 3, author: JON, text: "Nowhere in the text." },
      ],
    );
    const review = await readDocxReview(file);
    expect(review.comments).toEqual([
      {
        author: AMINA,
        date: "2026-11-20T11:00:00Z",
        text: "Source?",
        range: { from: 7, to: 16 },
        done: false,
        replies: [{ author: JON, date: "2026-11-21T11:00:00Z", text: "ITU 2025." }],
      },
      expect.objectContaining({ text: "Nowhere in the text.", range: null }),
    ]);
    expect(review.text.slice(7, 16)).toBe("has grown");
  });

  it("refuses a Word file without tracked changes or comments (no_review)", async () => {
    const file = await reviewedDocx([["Just text."]]);
    await expect(readDocxReview(file)).rejects.toMatchObject({ id: "no_review" });
  });

  it("refuses what is not a Word file with the import's ids", async () => {
    await expect(readDocxReview(new TextEncoder().encode("hello"))).rejects.toBeInstanceOf(
      DocxImportError,
    );
    await expect(readDocxReview(new Uint8Array())).rejects.toMatchObject({ id: "empty_file" });
  });
});
