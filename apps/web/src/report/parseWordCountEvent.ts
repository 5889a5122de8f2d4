import type { WordCountEvent } from "@rapporteur/api";
import { eventObject } from "../api/eventObject";

/** Reads the data of a `wordcount` event; `null` when it is not a valid count. */
export function parseWordCountEvent(data: string): WordCountEvent | null {
  const value = eventObject("wordcount", data);
  if (!value) return null;
  const { sectionId, words, footnoteWords } = value;
  if (typeof sectionId !== "string" || !Number.isInteger(words)) return null;
  return {
    sectionId,
    words: words as number,
    footnoteWords: Number.isInteger(footnoteWords) ? (footnoteWords as number) : 0,
  };
}
