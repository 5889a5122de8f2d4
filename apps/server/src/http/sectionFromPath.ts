import { isSectionId } from "@rapporteur/api";
import { findSection, type Outline, type OutlineSection } from "@rapporteur/outline";
import { badRequest, notFound } from "./errors";

/**
 * The outline section named by a path parameter: 400 `invalid_section_id` for anything that is
 * not a slug (`../`, quotes, upper case), 404 `section_not_found` for a slug not in the outline.
 */
export function sectionFromPath(outline: { current(): Outline }, raw: unknown): OutlineSection {
  if (!isSectionId(raw)) {
    throw badRequest(
      "invalid_section_id",
      "Not a section id: section ids are lower-case slugs such as 'p1-access'",
    );
  }
  const section = findSection(outline.current(), raw);
  if (!section) throw notFound("section_not_found", `There is no section '${raw}' in the outline`);
  return section;
}
