import * as Y from "yjs";
import type { ServerEdit } from "../collab/CollabExtension";
import type { CollabServer } from "../collab/CollabServer";
import type { Document } from "../collab/Document";

/** The loaded collaboration document of a section, loading it if needed (never a retired one). */
export async function liveDocument(collab: CollabServer, sectionId: string): Promise<Document> {
  let document: Document;
  do document = await collab.loadDocument(sectionId);
  while (document.retired);
  return document;
}

/**
 * Makes a server-side edit of a section as a normal live edit: `edit` changes a copy of the live
 * document (synchronously; it returns false to change nothing), and the resulting update goes
 * through the collaboration pipeline (validated, stored, then applied and broadcast to everyone
 * editing the section). Resolves with false when `edit` declined, true once the edit is stored.
 * A section nobody has open is unloaded again after `idleUnloadMs`. `serverEdit` records on whose
 * behalf and what kind of change it is in the history (an import, a restore, ...), which first
 * keeps a restore point of the section as it was.
 */
export async function editSectionLive(
  collab: CollabServer,
  sectionId: string,
  edit: (ydoc: Y.Doc) => boolean,
  idleUnloadMs: number,
  serverEdit?: ServerEdit,
): Promise<boolean> {
  const document = await liveDocument(collab, sectionId);
  try {
    await document.whenSettled();
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(document.ydoc));
    const updates: Uint8Array[] = [];
    copy.on("update", (update: Uint8Array) => updates.push(update));
    const changed = edit(copy);
    copy.destroy();
    if (!changed || updates.length === 0) return false;
    await document.submitUpdate(
      updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates),
      serverEdit,
    );
    return true;
  } finally {
    if (document.connections.size === 0) {
      // Loaded for this edit only: let it go like a section its last user left.
      setTimeout(() => {
        collab.unloadDocument(sectionId).catch(() => {});
      }, idleUnloadMs).unref();
    }
  }
}
