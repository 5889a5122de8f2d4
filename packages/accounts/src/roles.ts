/** The three kinds of people who use the report. */
export const ROLES = ["editor", "drafter", "reviewer"] as const;

/** A user's role: editors run the report, drafters write, reviewers comment. */
export type Role = (typeof ROLES)[number];

/** True when `value` names a role. */
export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/**
 * Whether a role may change the evidence library (import files, edit the codebook, code
 * excerpts): editors and drafters; reviewers only read and search.
 */
export function mayImportEvidence(role: Role): boolean {
  return role !== "reviewer";
}

/**
 * Whether a role may change the report's structure (add, rename, move, split, merge, archive
 * sections and parts): editors only. The server's outline routes and the UI's offer read this.
 */
export function mayEditOutline(role: Role): boolean {
  return role === "editor";
}

/** Whether a role may change the keyword rules of the WSIS Action Lines: editors only. */
export function mayEditActionLineRules(role: Role): boolean {
  return role === "editor";
}
