import type { ReportNumberingView } from "@rapporteur/api";
import {
  type DocJSON,
  type NumberableBlock,
  numberableBlocks,
  numberBlocks,
  numberSections,
  placedOutline,
} from "@rapporteur/schema";

/** The outline and each section's document, as {@link reportNumbering} reads them. */
export interface NumberingInput {
  parts: readonly { id: string; frontMatter?: boolean }[];
  sections: readonly { id: string; part: string; title: string; doc: DocJSON }[];
}

/** The outline and each section's numberable blocks, as {@link numberBlockLists} reads them. */
export interface BlockNumberingInput {
  parts: readonly { id: string; frontMatter?: boolean }[];
  sections: readonly {
    id: string;
    part: string;
    title: string;
    blocks: readonly NumberableBlock[];
  }[];
}

/**
 * The numbers the exports print (placedOutline and numberSections, from which the DOCX's
 * numberReport counts too), as `GET /api/report/numbering` answers them, from each section's
 * numberable blocks (see numberableBlocks): the server keeps those per section and computes them
 * again only for a section that changed, so numbering the report is only adding offsets. Pure.
 */
export function numberBlockLists(input: BlockNumberingInput): ReportNumberingView {
  const ordered = placedOutline(input.parts, input.sections);
  const { targets, sections } = numberSections(ordered);
  return {
    sections: sections.map((s, i) => ({
      ...s,
      title: ordered[i]!.title,
      blocks: numberBlocks(ordered[i]!.blocks, s.frontMatter, s.before),
    })),
    targets: Object.fromEntries(targets),
  };
}

/** {@link numberBlockLists} from each section's document. Pure. */
export function reportNumbering(input: NumberingInput): ReportNumberingView {
  return numberBlockLists({
    parts: input.parts,
    sections: input.sections.map(({ doc, ...section }) => ({
      ...section,
      blocks: numberableBlocks(doc),
    })),
  });
}
