import {
  QUESTION_IDS,
  type SourceKind,
  STAKEHOLDER_GROUPS,
  type StakeholderGroup,
} from "@rapporteur/api";

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

/** The questions as choices of a select, after `first` (the choice of none or all: value ""). */
export function questionChoices(first: string): { value: string; label: string }[] {
  return [
    { value: "", label: first },
    ...QUESTION_IDS.map((id) => ({ value: id, label: questionLabel(id) })),
  ];
}

/** The stakeholder groups as choices of a select, after `first` (value ""). */
export function groupChoices(first: string): { value: string; label: string }[] {
  return [
    { value: "", label: first },
    ...STAKEHOLDER_GROUPS.map((group) => ({
      value: group,
      label: STAKEHOLDER_GROUP_LABELS[group],
    })),
  ];
}
