import type { DocJSON } from "@rapporteur/schema";
import { countBlock, type DocumentCount } from "./countDocument";

/**
 * The parts of a ProseMirror node that counting needs (kept structural so that this package does
 * not depend on ProseMirror itself).
 */
export interface CountableNode {
  readonly childCount: number;
  child(index: number): CountableNode;
  toJSON(): unknown;
}

/** Counts a section again and again, recounting only the top-level blocks that changed. */
export interface DocumentCounter {
  /**
   * Counts a ProseMirror document. Nodes are immutable and unchanged blocks keep their identity
   * across edits, so a keystroke recounts one block.
   */
  countNode(doc: CountableNode): DocumentCount;
  /**
   * Counts a document given as JSON, caching per top-level block by its JSON text: a keystroke
   * serialises every block but recounts one.
   */
  countJSON(doc: DocJSON): DocumentCount;
}

/**
 * Creates an incremental counter for one section (keep one per open document). Its results are
 * always equal to {@link countDocument}'s: blocks never share a word.
 */
export function createDocumentCounter(): DocumentCounter {
  const byNode = new WeakMap<CountableNode, DocumentCount>();
  let byJson = new Map<string, DocumentCount>();
  return {
    countNode(doc) {
      let words = 0;
      let footnoteWords = 0;
      for (let i = 0; i < doc.childCount; i++) {
        const block = doc.child(i);
        let count = byNode.get(block);
        if (!count) {
          count = countBlock(block.toJSON() as DocJSON);
          byNode.set(block, count);
        }
        words += count.words;
        footnoteWords += count.footnoteWords;
      }
      return { words, footnoteWords };
    },
    countJSON(doc) {
      const next = new Map<string, DocumentCount>();
      let words = 0;
      let footnoteWords = 0;
      for (const block of doc.content ?? []) {
        const key = JSON.stringify(block);
        const count = next.get(key) ?? byJson.get(key) ?? countBlock(block);
        next.set(key, count);
        words += count.words;
        footnoteWords += count.footnoteWords;
      }
      // Only the current blocks are kept, so the cache never outgrows the document.
      byJson = next;
      return { words, footnoteWords };
    },
  };
}
