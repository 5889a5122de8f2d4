import * as Y from "yjs";
import type { ServerEdit } from "./CollabExtension";
import type { Document } from "./Document";

/**
 * A server-side connection to a loaded section (as Hocuspocus's direct connection): keeps the
 * document loaded while open, and sends edits through the same pipeline as an editor's
 * (validated on the shadow copy, stored, applied, broadcast). Get one from
 * `CollabServer.openDirectConnection`; always {@link DirectConnection.disconnect} it.
 */
export class DirectConnection {
  #open = true;

  constructor(
    readonly document: Document,
    readonly release: (connection: DirectConnection) => void,
  ) {}

  /** The section's live text, after every update received so far has been applied. */
  async read<T>(read: (ydoc: Y.Doc) => T): Promise<T> {
    await this.document.whenSettled();
    return read(this.document.ydoc);
  }

  /**
   * Edits the section: `edit` changes a copy of the live document (synchronously; it returns
   * false to change nothing), and the resulting update goes through the pipeline. Resolves with
   * false when `edit` declined, true once the edit is stored. `serverEdit` records on whose behalf
   * and what kind of change it is in the history (an import, a restore, ...), which first keeps a
   * restore point of the section as it was.
   */
  async transact(edit: (ydoc: Y.Doc) => boolean, serverEdit?: ServerEdit): Promise<boolean> {
    if (!this.#open) throw new Error("transact() on a disconnected DirectConnection");
    await this.document.whenSettled();
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.document.ydoc));
    const updates: Uint8Array[] = [];
    copy.on("update", (update: Uint8Array) => updates.push(update));
    const changed = edit(copy);
    copy.destroy();
    if (!changed || updates.length === 0) return false;
    await this.document.submitUpdate(
      updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates),
      serverEdit,
    );
    return true;
  }

  /** Lets the document go: unloaded after the idle delay when nobody else has it open. */
  disconnect(): void {
    if (!this.#open) return;
    this.#open = false;
    this.release(this);
  }
}
