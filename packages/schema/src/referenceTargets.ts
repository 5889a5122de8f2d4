import type { CrossRefKind } from "./crossRef";
import type { DocJSON } from "./docJson";

/** A section as numbering sees it: its id, its label ("II.A") and its document. */
export interface NumberedSection {
  id: string;
  label: string;
  doc: DocJSON;
}

/** What a cross-reference can point to, with the number it shows today. */
export interface ReferenceTarget {
  kind: CrossRefKind;
  /** "23" for paragraph 23, "II.A" for a section, "1" for table 1 or box 1. */
  number: string;
  /** The section that holds it (a section's own id for a section). */
  section: string;
}

/** A cross-reference whose target no longer exists or is not of the kind it names. */
export interface BrokenCrossReference {
  section: string;
  kind: CrossRefKind;
  target: string;
}

/** Whether a body paragraph takes a paragraph number: empty lines do not (as in the export). */
export function isNumberedParagraph(node: DocJSON): boolean {
  return node.type === "paragraph" && (node.content ?? []).length > 0;
}

/**
 * The targets of cross-references in a report, by anchor (section ids for sections), with their
 * current numbers: paragraphs numbered through the report (the non-empty paragraphs at the top of
 * each section, as the DOCX numbers them), tables and boxes numbered through the report in
 * document order. Pure; the export and the preflight use the same numbers.
 */
export function referenceTargets(
  sections: readonly NumberedSection[],
): Map<string, ReferenceTarget> {
  const targets = new Map<string, ReferenceTarget>();
  const counts = { paragraph: 0, table: 0, box: 0 };
  const add = (anchor: unknown, target: ReferenceTarget) => {
    if (typeof anchor === "string" && anchor && !targets.has(anchor)) targets.set(anchor, target);
  };
  const walk = (node: DocJSON, section: string, topLevel: boolean) => {
    if (topLevel && isNumberedParagraph(node)) {
      counts.paragraph += 1;
      add(node.attrs?.anchor, { kind: "paragraph", number: String(counts.paragraph), section });
    }
    // A table without rows is not exported, so it takes no number.
    if ((node.type === "table" || node.type === "box") && (node.content ?? []).length > 0) {
      counts[node.type] += 1;
      add(node.attrs?.anchor, { kind: node.type, number: String(counts[node.type]), section });
    }
    for (const child of node.content ?? []) walk(child, section, false);
  };
  for (const section of sections) {
    add(section.id, { kind: "section", number: section.label, section: section.id });
    for (const child of section.doc.content ?? []) walk(child, section.id, true);
  }
  return targets;
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
