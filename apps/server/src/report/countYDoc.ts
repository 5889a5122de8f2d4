import { yDocToJSON } from "@rapporteur/schema";
import { countDocument, type DocumentCount } from "@rapporteur/wordcount";
import * as Y from "yjs";

/** Counts the words of a section's Yjs document (read-only: the live document is untouched). */
export function countYDoc(ydoc: Y.Doc): DocumentCount {
  return countDocument(yDocToJSON(ydoc));
}

/** Counts a section from its stored updates. */
export function countStoredUpdates(updates: readonly Uint8Array[]): DocumentCount {
  const ydoc = new Y.Doc();
  try {
    ydoc.transact(() => {
      for (const update of updates) Y.applyUpdate(ydoc, update);
    });
    return countDocument(yDocToJSON(ydoc));
  } finally {
    ydoc.destroy();
  }
}
