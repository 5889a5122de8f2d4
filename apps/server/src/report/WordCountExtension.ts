import type { DocumentCount } from "@rapporteur/wordcount";
import type { CollabExtension, DocumentContext, UpdateContext } from "../collab/CollabExtension";
import type { Document } from "../collab/Document";
import { DocumentDebounce } from "../collab/DocumentDebounce";
import type { Logger } from "../Logger";
import { countYDoc } from "./countYDoc";
import type { WordCounts } from "./WordCounts";

/**
 * Keeps {@link WordCounts} current as sections change: a changed section is recounted
 * `debounceMs` after the first change of a burst (so at most that often while people type, and
 * once more at unload if a count is pending). With `countSection`, the count is taken off the
 * event loop (a worker counting the stored section: a 10 MB section takes seconds to count);
 * one count per section at a time, the latest change always counted last.
 */
export class WordCountExtension implements CollabExtension {
  readonly name = "wordcount";
  readonly #debounce: DocumentDebounce;
  /** Sections being counted; `true` when they changed again meanwhile. */
  readonly #counting = new Map<string, boolean>();

  constructor(
    private readonly counts: WordCounts,
    private readonly logger: Logger,
    debounceMs = 200,
    private readonly countSection?: (
      documentName: string,
      document: Document,
    ) => Promise<DocumentCount>,
  ) {
    this.#debounce = new DocumentDebounce(debounceMs, (name, document) =>
      this.#recount(name, document),
    );
  }

  onChange({ documentName, document }: UpdateContext): void {
    this.#debounce.changed(documentName, document);
  }

  async onUnloadDocument({ documentName, document }: DocumentContext): Promise<void> {
    await this.#debounce.unloading(documentName, document);
  }

  async #recount(documentName: string, document: Document): Promise<void> {
    const countSection = this.countSection;
    if (!countSection) {
      try {
        this.counts.set(documentName, countYDoc(document.ydoc));
      } catch (error) {
        this.logger.error(`wordcount: could not count ${documentName}`, error);
      }
      return;
    }
    if (this.#counting.has(documentName)) {
      this.#counting.set(documentName, true);
      return;
    }
    do {
      this.#counting.set(documentName, false);
      try {
        this.counts.set(documentName, await countSection(documentName, document));
      } catch (error) {
        this.logger.error(`wordcount: could not count ${documentName}`, error);
      }
    } while (this.#counting.get(documentName));
    this.#counting.delete(documentName);
  }
}
