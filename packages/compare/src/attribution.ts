import type { ChangeAttribution, ChangeKind } from "./trackedChange";

/** What the attribution is asked about: one change, with its text and section. */
export interface ChangeContext {
  kind: ChangeKind;
  /** The inserted or deleted text (a whole block's text for a block change). */
  text: string;
  /** The section the change is in, when known (compareReports, or options.sectionId). */
  sectionId?: string;
}

/**
 * Who made the changes: one author and date for all, or a function asked once per change (so
 * that the caller can look the text up in the attributed history).
 */
export type Attribution = ChangeAttribution | ((change: ChangeContext) => ChangeAttribution);

/** The author of changes when no attribution is given. */
export const DEFAULT_CHANGE_AUTHOR = "Rapporteur";
