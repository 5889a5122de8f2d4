import type { ReportNumberingView } from "@rapporteur/api";
import { numberBlockLists } from "@rapporteur/report";
import type { NumberableBlock } from "@rapporteur/schema";

function sameNumbering(a: readonly NumberableBlock[], b: readonly NumberableBlock[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i]!.kind !== b[i]!.kind || a[i]!.anchor !== b[i]!.anchor) return false;
  }
  return true;
}

/**
 * The numberable blocks of every section (see numberableBlocks), kept as sections change (each
 * time the word count reads a changed section), so numbering the report is adding offsets on the
 * event loop, never reading every stored section again. A section not seen yet (added to the
 * outline since) is read once with `load`.
 */
export class SectionBlocks {
  readonly #blocks = new Map<string, readonly NumberableBlock[]>();

  constructor(private readonly load: (sectionId: string) => Promise<readonly NumberableBlock[]>) {}

  /**
   * Records a section's blocks as its document now is. Returns whether numbers may have moved:
   * false when only the blocks' text changed (the same kinds and anchors in the same order), as
   * while someone types inside a paragraph.
   */
  set(sectionId: string, blocks: readonly NumberableBlock[]): boolean {
    const previous = this.#blocks.get(sectionId);
    this.#blocks.set(sectionId, blocks);
    return !previous || !sameNumbering(previous, blocks);
  }

  /** A section's blocks, read with `load` when not kept yet. */
  async of(sectionId: string): Promise<readonly NumberableBlock[]> {
    const kept = this.#blocks.get(sectionId);
    if (kept) return kept;
    const loaded = await this.load(sectionId);
    // A change recorded meanwhile is newer than what was read.
    if (!this.#blocks.has(sectionId)) this.#blocks.set(sectionId, loaded);
    return this.#blocks.get(sectionId) ?? loaded;
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
        blocks: await this.of(s.id),
      })),
    );
    return numberBlockLists({ parts: outline.parts, sections });
  }
}
