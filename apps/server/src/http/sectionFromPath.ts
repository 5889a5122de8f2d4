import { findSection, type Outline, type OutlineSection } from "@rapporteur/outline";
import { MAX_SECTION_ID_LENGTH, SECTION_ID_PATTERN } from "../collab/parseCollabPath";
import { badRequest, notFound } from "./errors";

/**
 * The outline section named by a path parameter: 400 `invalid_section_id` for anything that is
 * not a slug (`../`, quotes, upper case), 404 `section_not_found` for a slug not in the outline.
 */
export function sectionFromPath(outline: Outline, raw: unknown): OutlineSection {
  if (
    typeof raw !== "string" ||
    raw.length > MAX_SECTION_ID_LENGTH ||
    !SECTION_ID_PATTERN.test(raw)
  ) {
    throw badRequest(
      "invalid_section_id",
      "Not a section id: section ids are lower-case slugs such as 'p1-access'",
    );
  }
  const section = findSection(outline, raw);
  if (!section) throw notFound("section_not_found", `There is no section '${raw}' in the outline`);
  return section;
}
