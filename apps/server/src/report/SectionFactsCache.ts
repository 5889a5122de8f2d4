import type { ReportNumberingView } from "@rapporteur/api";
import { numberBlockLists } from "@rapporteur/report";
import type { NumberableBlock } from "@rapporteur/schema";
import type { SectionFacts } from "./sectionFacts";

/** What the cache keeps of a section: its facts but the word count (WordCounts keeps that). */
export type KeptFacts = Omit<SectionFacts, "count">;

function sameNumbering(a: readonly NumberableBlock[], b: readonly NumberableBlock[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i]!.kind !== b[i]!.kind || a[i]!.anchor !== b[i]!.anchor) return false;
  }
  return true;
}

/**
 * The numberable blocks and the cited sources of every section (see sectionFacts), kept as
 * sections change (each time the word count reads a changed section), so numbering the report is
 * adding offsets on the event loop and the coverage reads no document. A section not seen yet
 * (added to the outline since) is read once with `load`.
 */
export class SectionFactsCache {
  readonly #facts = new Map<string, KeptFacts>();

  constructor(private readonly load: (sectionId: string) => Promise<KeptFacts>) {}

  /**
   * Records a section's facts as its document now is. Returns whether numbers may have moved:
   * false when only the blocks' text changed (the same kinds and anchors in the same order), as
   * while someone types inside a paragraph.
   */
  set(sectionId: string, facts: KeptFacts): boolean {
    const previous = this.#facts.get(sectionId);
    this.#facts.set(sectionId, { blocks: facts.blocks, cited: facts.cited });
    return !previous || !sameNumbering(previous.blocks, facts.blocks);
  }

  /** A section's facts, read with `load` when not kept yet. */
  async of(sectionId: string): Promise<KeptFacts> {
    const kept = this.#facts.get(sectionId);
    if (kept) return kept;
    const { blocks, cited } = await this.load(sectionId);
    // A change recorded meanwhile is newer than what was read.
    if (!this.#facts.has(sectionId)) this.#facts.set(sectionId, { blocks, cited });
    return this.#facts.get(sectionId) ?? { blocks, cited };
  }

  /** The report's numbering (numberBlockLists) for `outline`, from the kept blocks. */
  async number(outline: {
    parts: readonly { id: string; frontMatter?: boolean }[];
    sections: readonly { id: string; part: string; title: string }[];
  }): Promise<ReportNumberingView> {
    const sections = await Promise.all(
      outline.sections.map(async (s) => ({
        id: s.id,
        part: s.part,
        title: s.title,
        blocks: (await this.of(s.id)).blocks,
      })),
    );
    return numberBlockLists({ parts: outline.parts, sections });
  }
}
