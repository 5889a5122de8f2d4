import type { Outline, OutlinePart, OutlineSection } from "./outlineSchema";

/** A section taken out of the outline: kept with its text, comments and history, restorable. */
export interface ArchivedSection extends OutlineSection {
  archivedAt: string;
  /** Who archived it (display name), null when unknown. */
  archivedBy: string | null;
  /** The section its text went into, when archived by a merge. */
  mergedInto: string | null;
}

/** The whole outline as the database keeps it: the live outline, archived sections, revision. */
export interface OutlineState {
  outline: Outline;
  archived: ArchivedSection[];
  /** Bumped by every change. */
  revision: number;
}

/** Why an outline change was refused: `not_found` (404), `invalid` (400), `conflict` (409). */
export type OutlineChangeProblem = "not_found" | "invalid" | "conflict";

/** Thrown by the outline's changes; the message is for people. */
export class OutlineChangeError extends Error {
  override name = "OutlineChangeError";
  constructor(
    readonly problem: OutlineChangeProblem,
    message: string,
  ) {
    super(message);
  }
}

/** The outline's sections with those of each part together, parts in their order. */
export function groupByPart(parts: readonly OutlinePart[], sections: readonly OutlineSection[]) {
  return parts.flatMap((part) => sections.filter((s) => s.part === part.id));
}
