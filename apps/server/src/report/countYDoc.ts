import { yDocToJSON } from "@rapporteur/schema";
import { countDocument, type DocumentCount } from "@rapporteur/wordcount";
import type * as Y from "yjs";

/** Counts the words of a section's Yjs document (read-only: the live document is untouched). */
export function countYDoc(ydoc: Y.Doc): DocumentCount {
  return countDocument(yDocToJSON(ydoc));
}
