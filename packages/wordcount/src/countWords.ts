const segmenter = new Intl.Segmenter(undefined, { granularity: "word" });

/**
 * Counts the words of a plain text, the one definition of a word used everywhere in Rapporteur.
 * Unicode-aware: scripts without spaces (Chinese, Japanese) are segmented by `Intl.Segmenter`.
 */
export function countWords(text: string): number {
  let words = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) words++;
  return words;
}
