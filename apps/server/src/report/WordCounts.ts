import type { WordCountEvent } from "@rapporteur/api";
import type { DocumentCount } from "@rapporteur/wordcount";

/** A change of one section's count, as pushed to `/api/events` (the `wordcount` event). */
export type WordCountChange = WordCountEvent;

/**
 * The server's word counts, one per section, computed from the documents themselves (never taken
 * from clients). Listeners hear every change of a count.
 */
export class WordCounts {
  readonly #counts = new Map<string, DocumentCount>();
  readonly #listeners = new Set<(change: WordCountChange) => void>();

  /** The count of a section; zero for a section never counted. */
  get(sectionId: string): DocumentCount {
    return this.#counts.get(sectionId) ?? { words: 0, footnoteWords: 0 };
  }

  /** Records a count; listeners are told when it differs from the previous one. */
  set(sectionId: string, count: DocumentCount): void {
    const previous = this.#counts.get(sectionId);
    this.#counts.set(sectionId, { words: count.words, footnoteWords: count.footnoteWords });
    if (previous?.words === count.words && previous.footnoteWords === count.footnoteWords) return;
    const change = { sectionId, words: count.words, footnoteWords: count.footnoteWords };
    for (const listener of this.#listeners) listener(change);
  }

  /** Calls `listener` on every change; returns the function that stops it. */
  subscribe(listener: (change: WordCountChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
