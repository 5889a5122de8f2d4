import { type DocJSON, yDocToJSON } from "@rapporteur/schema";
import type { DocumentStore } from "@rapporteur/storage";
import * as Y from "yjs";
import type { CollabServer } from "../collab/CollabServer";

/**
 * A section's document as ProseMirror JSON, read-only: from the live document when the section
 * is loaded (what its editors see), otherwise from storage on a scratch copy. Never loads a
 * section and never changes a live document.
 */
export async function readSectionDoc(
  collab: CollabServer,
  store: DocumentStore,
  sectionId: string,
): Promise<DocJSON> {
  if (collab.documentNames.includes(sectionId)) {
    const document = await collab.loadDocument(sectionId).catch(() => null);
    // Read in the same tick as the check: a document being unloaded is read from storage.
    if (document && !document.retired) return yDocToJSON(document.ydoc);
  }
  const stored = await store.load(sectionId);
  const ydoc = new Y.Doc();
  try {
    ydoc.transact(() => {
      for (const update of stored.updates) Y.applyUpdate(ydoc, update);
    });
    return yDocToJSON(ydoc);
  } finally {
    ydoc.destroy();
  }
}
