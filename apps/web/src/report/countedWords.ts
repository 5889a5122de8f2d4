/**
 * The words of a section that count against its allocation: the body words, plus the footnote
 * words when the report's `footnotesCount` setting says so (as the server's `countedWords`).
 */
export function countedWords(
  count: { words: number; footnoteWords: number },
  footnotesCount: boolean,
): number {
  return count.words + (footnotesCount ? count.footnoteWords : 0);
}
