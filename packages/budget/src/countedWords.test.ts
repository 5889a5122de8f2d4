import { describe, expect, it } from "vitest";
import { countedWords } from "./countedWords";

describe("countedWords", () => {
  it.each([
    { words: 120, footnoteWords: 30, footnotesCount: true, counted: 150 },
    { words: 120, footnoteWords: 30, footnotesCount: false, counted: 120 },
    { words: 0, footnoteWords: 12, footnotesCount: true, counted: 12 },
  ])(
    "counts $words body + $footnoteWords footnote words as $counted when footnotes count is $footnotesCount",
    ({ words, footnoteWords, footnotesCount, counted }) => {
      expect(countedWords({ words, footnoteWords }, footnotesCount)).toBe(counted);
    },
  );
});
