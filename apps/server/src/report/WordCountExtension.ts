import type { CollabExtension, DocumentContext, UpdateContext } from "../collab/CollabExtension";
import type { Document } from "../collab/Document";
import type { Logger } from "../Logger";
import { countYDoc } from "./countYDoc";
import type { WordCounts } from "./WordCounts";

/**
 * Keeps {@link WordCounts} current as sections change: a changed section is recounted
 * `debounceMs` after the first change of a burst (so at most that often while people type, and
 * once more at unload if a count is pending).
 */
export class WordCountExtension implements CollabExtension {
  readonly name = "wordcount";
  readonly #timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly counts: WordCounts,
    private readonly logger: Logger,
    private readonly debounceMs = 200,
  ) {}

  onChange({ documentName, document }: UpdateContext): void {
    if (this.#timers.has(documentName)) return;
    const timer = setTimeout(() => {
      this.#timers.delete(documentName);
      this.#recount(documentName, document);
    }, this.debounceMs);
    timer.unref();
    this.#timers.set(documentName, timer);
  }

  async onUnloadDocument({ documentName, document }: DocumentContext): Promise<void> {
    const timer = this.#timers.get(documentName);
    if (!timer) return;
    clearTimeout(timer);
    this.#timers.delete(documentName);
    this.#recount(documentName, document);
  }

  #recount(documentName: string, document: Document): void {
    try {
      this.counts.set(documentName, countYDoc(document.ydoc));
    } catch (error) {
      this.logger.error(`wordcount: could not count ${documentName}`, error);
    }
  }
}
