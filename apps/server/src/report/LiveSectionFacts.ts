import { citedSourceIds } from "@rapporteur/report";
import {
  type DocJSON,
  type NumberableBlock,
  numberableBlocks,
  schema,
  yDocBlocks,
} from "@rapporteur/schema";
import { createDocumentCounter, type DocumentCounter } from "@rapporteur/wordcount";
import type * as Y from "yjs";
import { type SectionFacts, yDocFacts } from "./sectionFacts";

/** What one top-level block contributes to its section's facts. */
interface BlockFacts {
  /** The block normalised by the schema, as yDocToJSON gives it. */
  json: DocJSON;
  blocks: NumberableBlock[];
  cited: number[];
}

interface DocumentState {
  counter: DocumentCounter;
  /** Each block of the last reading, by its JSON text (as y-tiptap reads it). */
  blocks: Map<string, BlockFacts>;
}

/**
 * The facts of live sections (see {@link yDocFacts}), kept per top-level block between two
 * readings of the same document: a keystroke reads the section again but normalises, numbers and
 * counts (the incremental counter of @rapporteur/wordcount) only the block it changed. Always
 * equal to `yDocFacts(ydoc)`: blocks never share a word, a numbered block or a citation.
 */
export class LiveSectionFacts {
  readonly #documents = new WeakMap<Y.Doc, DocumentState>();

  /** The facts of `ydoc` now (read only). */
  of(ydoc: Y.Doc): SectionFacts {
    const raw = yDocBlocks(ydoc);
    // Content the schema refuses: the full reading leaves it out (rare: repaired at load).
    if (!raw) return yDocFacts(ydoc);
    let state = this.#documents.get(ydoc);
    if (!state) {
      state = { counter: createDocumentCounter(), blocks: new Map() };
      this.#documents.set(ydoc, state);
    }
    const next = new Map<string, BlockFacts>();
    const content: DocJSON[] = [];
    const blocks: NumberableBlock[] = [];
    const cited: number[] = [];
    for (const block of raw) {
      const key = JSON.stringify(block);
      let facts = next.get(key) ?? state.blocks.get(key);
      if (!facts) {
        let json: DocJSON;
        try {
          json = schema.nodeFromJSON(block).toJSON() as DocJSON;
        } catch {
          return yDocFacts(ydoc);
        }
        const doc: DocJSON = { type: "doc", content: [json] };
        facts = { json, blocks: numberableBlocks(doc), cited: citedSourceIds(doc) };
      }
      next.set(key, facts);
      content.push(facts.json);
      blocks.push(...facts.blocks);
      cited.push(...facts.cited);
    }
    // Only the current blocks are kept, so the cache never outgrows the document.
    state.blocks = next;
    return {
      count: state.counter.countJSON({ type: "doc", content }),
      blocks,
      cited: [...new Set(cited)],
    };
  }
}
