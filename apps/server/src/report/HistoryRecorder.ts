import { localDay, type WordHistory, type WordTally } from "@rapporteur/budget";
import type { Logger } from "../Logger";

/** Configuration of {@link HistoryRecorder}. */
export interface HistoryRecorderOptions {
  history: WordHistory;
  /** The report's totals now (server-computed counts). */
  total(): WordTally;
  /** Writes happen at most this often while counts change, in ms. */
  debounceMs: number;
  /** Today, `YYYY-MM-DD` (default: the server's local day). */
  today?(): string;
  logger: Logger;
}

/**
 * Keeps the daily word history current: records today's totals at start, then `debounceMs`
 * after the first count change of a burst (one row per day, overwritten), and once more at stop
 * if a change is pending.
 */
export class HistoryRecorder {
  readonly #options: HistoryRecorderOptions;
  #timer: NodeJS.Timeout | undefined;

  constructor(options: HistoryRecorderOptions) {
    this.#options = options;
    this.#record();
  }

  /** A count changed: today's row is rewritten soon. */
  countsChanged(): void {
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#record();
    }, this.#options.debounceMs);
    this.#timer.unref();
  }

  /** Writes a pending change now and stops (shutdown). */
  stop(): void {
    if (!this.#timer) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#record();
  }

  #record(): void {
    const { history, total, today, logger } = this.#options;
    try {
      history.record(today ? today() : localDay(), total());
    } catch (error) {
      logger.error("budget: could not record today's word total", error);
    }
  }
}
