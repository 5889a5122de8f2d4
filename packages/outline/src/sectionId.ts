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

/**
 * A section id made from a title (lower case, ASCII letters and digits joined by dashes, accents
 * dropped), unique among `taken` by a `-2`, `-3`... suffix. A title with no letter or digit gives
 * `section`.
 */
export function slugFromTitle(title: string, taken: ReadonlySet<string>): string {
  const base =
    title
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, MAX_SECTION_ID_LENGTH - 4)
      .replace(/-+$/g, "") || "section";
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`;
    if (!taken.has(id)) return id;
  }
}
