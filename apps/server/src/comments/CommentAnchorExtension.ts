import type * as Y from "yjs";
import type { CollabExtension, DocumentContext, UpdateContext } from "../collab/CollabExtension";
import type { Logger } from "../Logger";

/**
 * Keeps the threads' `detached` flags current as sections change: `debounceMs` after the first
 * change of a burst, the section's anchors are resolved again (and once more at unload if a
 * check is pending), so a thread whose text is deleted is marked detached within a second.
 */
export class CommentAnchorExtension implements CollabExtension {
  readonly name = "comment-anchors";
  readonly #timers = new Map<string, NodeJS.Timeout>();

  constructor(
    /** Resolves a section's anchors again: `CommentService.refreshDetached`. */
    private readonly refresh: (sectionId: string, ydoc: Y.Doc) => void,
    private readonly logger: Logger,
    private readonly debounceMs = 500,
  ) {}

  onChange({ documentName, document }: UpdateContext): void {
    if (this.#timers.has(documentName)) return;
    const timer = setTimeout(() => {
      this.#timers.delete(documentName);
      this.#refresh(documentName, document.ydoc);
    }, this.debounceMs);
    timer.unref();
    this.#timers.set(documentName, timer);
  }

  async onUnloadDocument({ documentName, document }: DocumentContext): Promise<void> {
    const timer = this.#timers.get(documentName);
    if (!timer) return;
    clearTimeout(timer);
    this.#timers.delete(documentName);
    this.#refresh(documentName, document.ydoc);
  }

  #refresh(documentName: string, ydoc: Y.Doc): void {
    try {
      this.refresh(documentName, ydoc);
    } catch (error) {
      this.logger.error(`comments: could not check the anchors of ${documentName}`, error);
    }
  }
}
