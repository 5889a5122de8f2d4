import type { CrossRefKind } from "./crossRef";
import type { DocJSON } from "./docJson";
import { type NumberableBlock, numberableBlocks } from "./numberableBlocks";

/** A section as numbering sees it: its id, its label ("II.A") and its document. */
export interface NumberedSection {
  id: string;
  label: string;
  doc: DocJSON;
  /**
   * Printed before the contents (the Summary): its paragraphs take no number and it is no
   * target of section references; its tables and boxes are numbered as anywhere else.
   */
  frontMatter?: boolean;
}

/** What a cross-reference can point to, with the number it shows today. */
export interface ReferenceTarget {
  kind: CrossRefKind;
  /** "23" for paragraph 23, "II.A" for a section, "1" for table 1 or box 1. */
  number: string;
  /** The section that holds it (a section's own id for a section). */
  section: string;
}

/** How many numbered paragraphs, tables and boxes (a section holds, or come before it). */
export interface TargetCounts {
  paragraph: number;
  table: number;
  box: number;
}

/** One section's place in the numbering: what comes before it and what it holds. */
export interface SectionNumbering {
  id: string;
  /** "II.A"; "" for front matter, which has no number. */
  label: string;
  frontMatter: boolean;
  /** Numbered paragraphs, tables and boxes of the report before this section. */
  before: TargetCounts;
  /** Numbered paragraphs, tables and boxes of this section. */
  count: TargetCounts;
}

/** A cross-reference whose target no longer exists or is not of the kind it names. */
export interface BrokenCrossReference {
  section: string;
  kind: CrossRefKind;
  target: string;
}

/** No paragraph, table or box yet. */
export const NO_TARGETS: TargetCounts = Object.freeze({ paragraph: 0, table: 0, box: 0 });

/**
 * THE numbering of the report, used by the exports, the preflight, the server's numbering route
 * and the editor: paragraphs numbered through the report (the non-empty paragraphs at the top of
 * each section outside front matter, as the DOCX numbers them), tables and boxes numbered
 * through the report in document order, sections by their label. `start` is what comes before
 * the first of `sections` (the editor numbers its one section after the server's offsets).
 * Returns the targets by anchor (section ids for sections) and each section's counts. Pure.
 */
export function numberReport(
  sections: readonly NumberedSection[],
  start: TargetCounts = NO_TARGETS,
): { targets: Map<string, ReferenceTarget>; sections: SectionNumbering[] } {
  return numberSections(
    sections.map((s) => ({
      id: s.id,
      label: s.label,
      frontMatter: s.frontMatter,
      blocks: numberableBlocks(s.doc),
    })),
    start,
  );
}

/** A section as {@link numberSections} reads it: its numberable blocks instead of its document. */
export interface BlockListSection extends Omit<NumberedSection, "doc"> {
  blocks: readonly NumberableBlock[];
}

/**
 * numberReport from each section's numberable blocks (see numberableBlocks), which a server keeps
 * per section and computes again only for a section that changed. Pure; the same numbers.
 */
export function numberSections(
  sections: readonly BlockListSection[],
  start: TargetCounts = NO_TARGETS,
): { targets: Map<string, ReferenceTarget>; sections: SectionNumbering[] } {
  const targets = new Map<string, ReferenceTarget>();
  const counts = { ...start };
  const add = (anchor: string | null, target: ReferenceTarget) => {
    if (anchor && !targets.has(anchor)) targets.set(anchor, target);
  };
  const numbering: SectionNumbering[] = [];
  for (const section of sections) {
    const before = { ...counts };
    if (!section.frontMatter) {
      add(section.id, { kind: "section", number: section.label, section: section.id });
    }
    for (const block of section.blocks) {
      // Front matter (the Summary) numbers no paragraph.
      if (section.frontMatter && block.kind === "paragraph") continue;
      counts[block.kind] += 1;
      add(block.anchor, {
        kind: block.kind,
        number: String(counts[block.kind]),
        section: section.id,
      });
    }
    numbering.push({
      id: section.id,
      label: section.frontMatter ? "" : section.label,
      frontMatter: section.frontMatter === true,
      before,
      count: {
        paragraph: counts.paragraph - before.paragraph,
        table: counts.table - before.table,
        box: counts.box - before.box,
      },
    });
  }
  return { targets, sections: numbering };
}

/**
 * The targets of cross-references in a report, by anchor (section ids for sections), with their
 * current numbers (see {@link numberReport}). Pure; the export and the preflight use the same
 * numbers.
 */
export function referenceTargets(
  sections: readonly NumberedSection[],
  start: TargetCounts = NO_TARGETS,
): Map<string, ReferenceTarget> {
  return numberReport(sections, start).targets;
}

/** The cross-references of a report that point to nothing (or to a target of another kind). */
export function brokenCrossReferences(
  sections: readonly NumberedSection[],
): BrokenCrossReference[] {
  const targets = referenceTargets(sections);
  const broken: BrokenCrossReference[] = [];
  const walk = (node: DocJSON, section: string) => {
    if (node.type === "crossRef") {
      const kind = (node.attrs?.kind ?? "paragraph") as CrossRefKind;
      const target = String(node.attrs?.target ?? "");
      if (targets.get(target)?.kind !== kind) broken.push({ section, kind, target });
    }
    for (const child of node.content ?? []) walk(child, section);
  };
  for (const section of sections) walk(section.doc, section.id);
  return broken;
}
