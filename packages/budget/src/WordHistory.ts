import type { Database } from "better-sqlite3";
import type { WordTally } from "./countedWords";

/** The report's totals on one day, as last recorded that day. */
export interface HistoryDay extends WordTally {
  /** `YYYY-MM-DD`. */
  date: string;
}

/**
 * The report's daily word totals in its database (table from storage migration 6): one row per
 * day, overwritten as the day's counts change, so the last write of a day is its total.
 */
export class WordHistory {
  constructor(private readonly db: Database) {}

  /** Records `tally` as the total of `date` (`YYYY-MM-DD`), replacing that day's earlier one. */
  record(date: string, tally: WordTally): void {
    this.db
      .prepare(
        `INSERT INTO word_history (day, words, footnote_words, updated_at)
         VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))
         ON CONFLICT(day) DO UPDATE SET words = excluded.words,
           footnote_words = excluded.footnote_words, updated_at = excluded.updated_at`,
      )
      .run(date, tally.words, tally.footnoteWords);
  }

  /** Every recorded day, oldest first. */
  list(): HistoryDay[] {
    const rows = this.db
      .prepare("SELECT day, words, footnote_words FROM word_history ORDER BY day")
      .all() as { day: string; words: number; footnote_words: number }[];
    return rows.map((r) => ({ date: r.day, words: r.words, footnoteWords: r.footnote_words }));
  }
}
