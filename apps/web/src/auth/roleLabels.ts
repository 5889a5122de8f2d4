import type { Role } from "@rapporteur/api";

/** How a role is shown to people. */
export const ROLE_LABELS: Record<Role, string> = {
  editor: "Editor",
  drafter: "Drafter",
  reviewer: "Reviewer",
};
