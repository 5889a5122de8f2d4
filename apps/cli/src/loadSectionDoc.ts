import type { DocumentStore } from "@rapporteur/storage";
import * as Y from "yjs";

/** Rebuilds a section's Yjs document from everything stored for it. */
export async function loadSectionDoc(store: DocumentStore, sectionId: string): Promise<Y.Doc> {
  const { updates } = await store.load(sectionId);
  const ydoc = new Y.Doc();
  ydoc.transact(() => {
    for (const update of updates) Y.applyUpdate(ydoc, update);
  });
  return ydoc;
}
