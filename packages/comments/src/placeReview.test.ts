import { readDocxReview } from "@rapporteur/docx-import";
import { reviewedDocx } from "@rapporteur/docx-import/testing/reviewedDocx";
import { replaceYDocContent, yDocToJSON } from "@rapporteur/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { applySuggestion } from "./applySuggestion";
import { placeReview } from "./placeReview";
import { paragraph } from "./testing/syncedSection";

const AMINA = "Amina Diallo (Senegal)";
const JON = "Jon Smith (Norway)";

function section(...texts: string[]): Y.Doc {
  const ydoc = new Y.Doc();
  replaceYDocContent(ydoc, { type: "doc", content: texts.map((text) => paragraph(text)) });
  return ydoc;
}

const plain = (ydoc: Y.Doc) =>
  (yDocToJSON(ydoc).content ?? []).map((block) =>
    (block.content ?? []).map((node) => node.text ?? "").join(""),
  );

async function review() {
  return readDocxReview(
    await reviewedDocx(
      [
        [
          "Broadband reached ",
          { del: "half", author: AMINA },
          { ins: "two thirds", author: AMINA },
          " of the world",
          { ins: " by 2025", author: JON },
          ".",
        ],
        [
          "Gaps remain ",
          { del: "very ", author: JON },
          "wide in ",
          { commentStart: 1 },
          "rural areas",
          { commentEnd: 1 },
          ".",
        ],
        ["Financing ", { commentStart: 2 }, "fell sharply", { commentEnd: 2 }, " in 2024."],
      ],
      [
        { id: 1, author: JON, text: "Which regions?" },
        { id: 3, author: AMINA, text: "Sub-Saharan Africa.", parent: 1 },
        { id: 2, author: AMINA, text: "Check the OECD figure." },
      ],
    ),
  );
}

describe("placeReview", () => {
  it("places changes as suggestions and comments as threads, with their Word authors", async () => {
    const ydoc = section(
      "Broadband reached half of the world.",
      "Gaps remain very wide in rural areas.",
      "Financing fell sharply in 2024.",
    );
    const placed = placeReview(ydoc, await review());
    expect(placed.unplaced).toEqual([]);
    expect(
      placed.threads.map((t) => [t.origin.author, t.quote, t.suggestion?.replacement ?? null]),
    ).toEqual([
      [AMINA, "half", "two thirds"],
      [JON, "world", "world by 2025"],
      [JON, "very ", ""],
      [JON, "rural areas", null],
      [AMINA, "fell sharply", null],
    ]);
    expect(placed.threads[3]?.replies).toEqual([
      { text: "Sub-Saharan Africa.", origin: expect.objectContaining({ author: AMINA }) },
    ]);
    expect(placed.threads[0]?.text).toBe(
      "Replace “half” with “two thirds” (tracked change in Word)",
    );
    // Placing reads only: the text is unchanged until a suggestion is accepted.
    expect(plain(ydoc)).toEqual([
      "Broadband reached half of the world.",
      "Gaps remain very wide in rural areas.",
      "Financing fell sharply in 2024.",
    ]);
  });

  it("finds the same words after the section was edited since the export, and lists what is gone", async () => {
    const ydoc = section(
      "A new opening paragraph written after the export.",
      "Financing fell sharply in 2024, as the donors noted.",
      "By 2026 broadband reached half of the world.",
      "Gaps remain wide in rural areas.",
    );
    const placed = placeReview(ydoc, await review());
    expect(placed.threads.map((t) => t.quote)).toEqual([
      "half",
      "world",
      "rural areas",
      "fell sharply",
    ]);
    expect(placed.unplaced).toEqual([
      expect.objectContaining({
        kind: "change",
        origin: expect.objectContaining({ author: JON }),
        text: "Delete “very ” (tracked change in Word)",
        reason: "the deleted text is no longer in the section",
      }),
    ]);
    const [replace, insert] = placed.threads;
    applySuggestion(ydoc, replace!.anchor, replace!.suggestion!.replacement);
    applySuggestion(ydoc, insert!.anchor, insert!.suggestion!.replacement);
    expect(plain(ydoc)[2]).toBe("By 2026 broadband reached two thirds of the world by 2025.");
  });

  it("places an insertion at the start of a paragraph on the word after it", async () => {
    const ydoc = section("Gaps remain wide.");
    const placed = placeReview(
      ydoc,
      await readDocxReview(
        await reviewedDocx([[{ ins: "Overall, ", author: JON }, "Gaps remain wide."]]),
      ),
    );
    expect(placed.threads[0]?.quote).toBe("Gaps");
    applySuggestion(ydoc, placed.threads[0]!.anchor, placed.threads[0]!.suggestion!.replacement);
    expect(plain(ydoc)).toEqual(["Overall, Gaps remain wide."]);
  });
});
