import type { Outline, OutlineSection } from "./outlineSchema";

/** Looks a section up by id; `undefined` for an id the outline does not have. */
export function findSection(outline: Outline, id: string): OutlineSection | undefined {
  return outline.sections.find((s) => s.id === id);
}

/** Sum of the default word allocations of all sections. */
export function totalBudget(outline: Outline): number {
  return outline.sections.reduce((sum, s) => sum + s.budget, 0);
}
