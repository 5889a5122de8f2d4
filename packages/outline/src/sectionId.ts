/** What a section id looks like: a lower-case slug (`p1-access`), as the outline's ids are. */
export const SECTION_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Longest section id accepted anywhere (URL, API body, comment filter, stored row). */
export const MAX_SECTION_ID_LENGTH = 100;

/** Whether `value` has the form of a section id (whether the outline has it is another matter). */
export function isSectionId(value: unknown): value is string {
  return (
    typeof value === "string" &&
    value.length <= MAX_SECTION_ID_LENGTH &&
    SECTION_ID_PATTERN.test(value)
  );
}
