import * as Y from "yjs";

/**
 * Applies a stored Yjs update to a document, leaving out an update Yjs cannot read, as when a
 * section loads (StorageExtension): the server never stores such rows.
 */
export function applyStoredUpdate(ydoc: Y.Doc, update: Uint8Array): void {
  try {
    Y.applyUpdate(ydoc, update);
  } catch {
    // Left out: one unreadable row must not hide the rest of the history.
  }
}
