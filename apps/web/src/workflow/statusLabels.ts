import type { SectionStatus } from "@rapporteur/api";

/** How a section status is shown to people. */
export const STATUS_LABELS: Record<SectionStatus, string> = {
  drafting: "Drafting",
  in_review: "In review",
  approved: "Approved",
};
