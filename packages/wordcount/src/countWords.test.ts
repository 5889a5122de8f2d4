import { describe, expect, it } from "vitest";
import { countDocument } from "./countDocument";
import { countWords } from "./countWords";

describe("countWords", () => {
  it.each([
    ["", 0],
    ["Access and inclusion", 3],
    ["  spaced   out  ", 2],
    ["Bold.Italic", 1],
  ])("%j has %i words", (text, words) => {
    expect(countWords(text)).toBe(words);
  });
});

describe("countDocument", () => {
  it("does not join words across paragraphs or headings", () => {
    const doc = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "Title" }] },
        { type: "paragraph", content: [{ type: "text", text: "one two" }] },
      ],
    };
    expect(countDocument(doc)).toEqual({ words: 3, footnoteWords: 0 });
  });
});
