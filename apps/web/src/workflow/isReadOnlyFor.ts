import type { Role } from "../auth/accountTypes";

/**
 * Whether a user with `role` sees a section read-only: reviewers always, drafters once it is
 * locked, editors never. The server enforces the same rule on every connection; the browser
 * applies it at once when a `section` event says the lock changed.
 */
export function isReadOnlyFor(role: Role, locked: boolean): boolean {
  if (role === "editor") return false;
  if (role === "drafter") return locked;
  return true;
}
