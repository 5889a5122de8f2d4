import { findSection, type Outline } from "@rapporteur/outline";
import { CliError } from "./CliError";

/** The outline section with this id; an unknown id is a {@link CliError} listing the valid ids. */
export function requireSection(outline: Outline, sectionId: string, command: string) {
  const section = findSection(outline, sectionId);
  if (section) return section;
  const valid = outline.sections.map((s) => `  ${s.id}  (${s.title})`).join("\n");
  throw new CliError(`${command}: unknown section '${sectionId}'. Valid section ids:\n${valid}`);
}
