/** Body and footnote words of a section or of the report. */
export interface WordTally {
  words: number;
  footnoteWords: number;
}

/**
 * The words that count against the budget: the body words, plus the footnote words when the
 * report setting `footnotesCount` says so.
 */
export function countedWords(tally: WordTally, footnotesCount: boolean): number {
  return tally.words + (footnotesCount ? tally.footnoteWords : 0);
}

/**
 * Whether footnote words count against the budget until an editor says otherwise: yes, as UN
 * documentation word limits include footnotes.
 */
export const DEFAULT_FOOTNOTES_COUNT = true;
