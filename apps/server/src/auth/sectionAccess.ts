import type { Role } from "@rapporteur/accounts";
import { canEditText, isLocked, type SectionStatus } from "@rapporteur/workflow";

/** What a user may do with a section's text right now. */
export interface SectionAccess {
  readOnly: boolean;
  /** Why it is read-only (shown in the 4403 close reason), or null. */
  reason: string | null;
}

/**
 * A user's access to a section's text: reviewers read every section, drafters edit those that
 * are not locked (approved), editors edit all. The one rule for HTTP views and connections alike.
 */
export function sectionAccess(role: Role, status: SectionStatus): SectionAccess {
  if (canEditText(role, status)) return { readOnly: false, reason: null };
  if (role === "reviewer") return { readOnly: true, reason: "reviewers cannot edit sections" };
  if (isLocked(status)) {
    return {
      readOnly: true,
      reason: "this section is approved and locked; an editor can reopen it",
    };
  }
  return { readOnly: true, reason: `a ${role} cannot edit this section` };
}
