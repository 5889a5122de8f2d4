import type { Document } from "./Document";

/**
 * Runs a task for a document `delayMs` after the first change of a burst (so at most that often
 * while people type), and at once at unload if one is still pending: what extensions that keep
 * something derived from a section current (word counts, comment anchors) share.
 */
export class DocumentDebounce {
  readonly #timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly delayMs: number,
    private readonly task: (documentName: string, document: Document) => void | Promise<void>,
  ) {}

  /** A change of `documentName`: schedules the task unless it is already scheduled. */
  changed(documentName: string, document: Document): void {
    if (this.#timers.has(documentName)) return;
    const timer = setTimeout(() => {
      this.#timers.delete(documentName);
      void this.task(documentName, document);
    }, this.delayMs);
    timer.unref();
    this.#timers.set(documentName, timer);
  }

  /** The document unloads: runs a pending task now; resolves once it is done. */
  async unloading(documentName: string, document: Document): Promise<void> {
    const timer = this.#timers.get(documentName);
    if (!timer) return;
    clearTimeout(timer);
    this.#timers.delete(documentName);
    await this.task(documentName, document);
  }
}
