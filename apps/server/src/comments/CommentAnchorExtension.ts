import type * as Y from "yjs";
import type { CollabExtension, DocumentContext, UpdateContext } from "../collab/CollabExtension";
import { DocumentDebounce } from "../collab/DocumentDebounce";
import type { Logger } from "../Logger";

/**
 * Keeps the threads' `detached` flags current as sections change: `debounceMs` after the first
 * change of a burst, the section's anchors are resolved again (and once more at unload if a
 * check is pending), so a thread whose text is deleted is marked detached within a second.
 */
export class CommentAnchorExtension implements CollabExtension {
  readonly name = "comment-anchors";
  readonly #debounce: DocumentDebounce;

  constructor(
    /** Resolves a section's anchors again: `CommentService.refreshDetached`. */
    private readonly refresh: (sectionId: string, ydoc: Y.Doc) => void,
    private readonly logger: Logger,
    debounceMs = 500,
  ) {
    this.#debounce = new DocumentDebounce(debounceMs, (name, document) =>
      this.#refresh(name, document.ydoc),
    );
  }

  onChange({ documentName, document }: UpdateContext): void {
    this.#debounce.changed(documentName, document);
  }

  async onUnloadDocument({ documentName, document }: DocumentContext): Promise<void> {
    await this.#debounce.unloading(documentName, document);
  }

  #refresh(documentName: string, ydoc: Y.Doc): void {
    try {
      this.refresh(documentName, ydoc);
    } catch (error) {
      this.logger.error(`comments: could not check the anchors of ${documentName}`, error);
    }
  }
}
