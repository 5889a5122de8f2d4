/** What a citation cites of its source: a coded passage's quote, and where (e.g. "p. 12"). */
export interface CitationDetails {
  excerpt: string | null;
  locator: string | null;
}

/** The longest excerpt or locator the schema's citation node keeps. */
export const CITATION_TEXT_MAX = 2000;

function cleaned(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, " ").trim() ?? "";
  if (text === "") return null;
  return text.length > CITATION_TEXT_MAX ? `${text.slice(0, CITATION_TEXT_MAX - 1)}…` : text;
}

/**
 * The attributes of a new citation node: the source's id, the excerpt and the locator with
 * their white space collapsed, null when empty, cut to what the schema accepts.
 */
export function citationAttrs(
  sourceId: number,
  details: Partial<CitationDetails> = {},
): { sourceId: number } & CitationDetails {
  return { sourceId, excerpt: cleaned(details.excerpt), locator: cleaned(details.locator) };
}

/** A citation's name for people (the mark's accessible name): the source's title and locator. */
export function citationName(title: string, locator: unknown): string {
  return typeof locator === "string" && locator !== "" ? `${title}, ${locator}` : title;
}
