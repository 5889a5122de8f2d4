import type { SourceKind, StakeholderGroup } from "@rapporteur/api";

/** Names of the source kinds, for people. */
export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  submission: "Questionnaire submission",
  consultation: "Regional consultation",
  contribution: "Contribution",
  document: "Document",
  literature: "Literature",
};

/** Names of the stakeholder groups, for people. */
export const STAKEHOLDER_GROUP_LABELS: Record<StakeholderGroup, string> = {
  government: "Government",
  private_sector: "Private sector",
  civil_society: "Civil society",
  technical_community: "Technical community",
  academia: "Academia",
  international_organisation: "International organisation",
};

/** "Question 3" for `q3`. */
export function questionLabel(id: string): string {
  return `Question ${id.replace(/^q/, "")}`;
}
