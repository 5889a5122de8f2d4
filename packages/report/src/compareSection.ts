import {
  type AttributedStep,
  type Attribution,
  attributeSteps,
  compareDocuments,
  type ListedChange,
  listChanges,
} from "@rapporteur/compare";
import type { DocJSON } from "@rapporteur/schema";

/** One section compared for reading in the app: the marked document and its changes. */
export interface ComparedSection {
  /** The section with `insertion`/`deletion` marks and block `attrs.change` (see @rapporteur/compare). */
  doc: DocJSON;
  /** Its changes in reading order (listChanges). */
  changes: ListedChange[];
}

/**
 * Compares two versions of one section for the in-app compare view
 * (`GET /api/sections/:id/compare`): the same comparison as the Word and Markdown files of
 * renderComparison, as JSON. With `steps` (historySteps), each change is credited to the person
 * who made it (attributeSteps). Pure; run it off the event loop for large sections.
 */
export function compareSection(
  older: DocJSON,
  newer: DocJSON,
  sectionId: string,
  attribution: Attribution,
  steps: readonly AttributedStep[] = [],
): ComparedSection {
  const doc = attributeSteps(
    compareDocuments(older, newer, { sectionId, attribution }),
    older,
    newer,
    steps,
  );
  return { doc, changes: listChanges(doc) };
}
