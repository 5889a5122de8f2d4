import type { Role, SectionWorkflowFacts } from "@rapporteur/api";

/** The banner above a read-only editor, saying why it is read-only; null when it is editable. */
export function readOnlyNotice(
  role: Role,
  section: SectionWorkflowFacts & { readOnly: boolean },
): string | null {
  if (!section.readOnly) return null;
  if (role === "reviewer")
    return "Read-only: you are a reviewer. You can read and comment, but not change the text.";
  if (section.locked) {
    const by = section.updatedBy ? ` by ${section.updatedBy}` : "";
    return `Approved and locked${by} — an editor can reopen it.`;
  }
  return "Read-only: your role cannot edit this section.";
}
