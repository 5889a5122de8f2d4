import type { WordCountEvent } from "./reportTypes";

/** Reads the data of a `wordcount` event; `null` when it is not a valid count. */
export function parseWordCountEvent(data: string): WordCountEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const { sectionId, words, footnoteWords } = value as Record<string, unknown>;
  if (typeof sectionId !== "string" || !Number.isInteger(words)) return null;
  return {
    sectionId,
    words: words as number,
    footnoteWords: Number.isInteger(footnoteWords) ? (footnoteWords as number) : 0,
  };
}
