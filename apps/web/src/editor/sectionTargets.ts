import type { ReportNumberingView } from "@rapporteur/api";
import {
  type DocJSON,
  NO_TARGETS,
  type ReferenceTarget,
  referenceTargets,
} from "@rapporteur/schema";
import type { Node as PMNode } from "@tiptap/pm/model";

const cache = new WeakMap<
  PMNode,
  { view: ReportNumberingView; targets: Map<string, ReferenceTarget> }
>();

/**
 * The cross-reference targets of the section being edited with the numbers the export will
 * print: the section's own document numbered by the shared function (referenceTargets) after
 * what the server says comes before it, so its numbers follow typing at once. Cached per
 * document and numbering.
 */
export function sectionTargets(
  doc: PMNode,
  sectionId: string,
  numbering: ReportNumberingView,
): Map<string, ReferenceTarget> {
  const cached = cache.get(doc);
  if (cached?.view === numbering) return cached.targets;
  const section = numbering.sections.find((s) => s.id === sectionId);
  const targets = referenceTargets(
    [
      {
        id: sectionId,
        label: section?.label ?? "",
        doc: doc.toJSON() as DocJSON,
        frontMatter: section?.frontMatter ?? false,
      },
    ],
    section?.before ?? NO_TARGETS,
  );
  cache.set(doc, { view: numbering, targets });
  return targets;
}

/**
 * The target an anchor names as the editor shows it: in this section from its live document,
 * elsewhere from the server's numbering; undefined when it is gone or of another kind.
 */
export function findReferenceTarget(
  doc: PMNode,
  sectionId: string,
  numbering: ReportNumberingView,
  kind: string,
  anchor: string,
): ReferenceTarget | undefined {
  const here = sectionTargets(doc, sectionId, numbering).get(anchor);
  if (here) return here.kind === kind ? here : undefined;
  const there = numbering.targets[anchor];
  // The server's copy of this section may lag behind: what is gone here is gone.
  if (!there || there.kind !== kind || (there.section === sectionId && kind !== "section")) {
    return undefined;
  }
  return there;
}
