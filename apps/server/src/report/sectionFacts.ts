import { citedSourceIds } from "@rapporteur/report";
import {
  type DocJSON,
  type NumberableBlock,
  numberableBlocks,
  yDocToJSON,
} from "@rapporteur/schema";
import { countDocument, type DocumentCount } from "@rapporteur/wordcount";
import * as Y from "yjs";

/**
 * What the server keeps of each section, computed again when it changes, from one reading of
 * its document: its word count, the blocks the report's numbering counts and the evidence
 * sources it cites.
 */
export interface SectionFacts {
  count: DocumentCount;
  blocks: NumberableBlock[];
  /** The ids of the sources its citations cite, each once, in order of first citation. */
  cited: number[];
}

/** A section's facts from its document. Pure. */
export function sectionFacts(doc: DocJSON): SectionFacts {
  return {
    count: countDocument(doc),
    blocks: numberableBlocks(doc),
    cited: [...new Set(citedSourceIds(doc))],
  };
}

/** A section's facts from its live Yjs document (read only: the document is untouched). */
export function yDocFacts(ydoc: Y.Doc): SectionFacts {
  return sectionFacts(yDocToJSON(ydoc));
}

/** A section's facts from its stored updates. */
export function storedSectionFacts(updates: readonly Uint8Array[]): SectionFacts {
  const ydoc = new Y.Doc();
  try {
    ydoc.transact(() => {
      for (const update of updates) Y.applyUpdate(ydoc, update);
    });
    return yDocFacts(ydoc);
  } finally {
    ydoc.destroy();
  }
}
