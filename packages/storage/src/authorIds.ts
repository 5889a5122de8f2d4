/**
 * Author ids as both backends store them: sorted, de-duplicated, comma-separated, so that equal
 * sets compare equal in SQL (the history's groups and thinning buckets rely on it).
 */
export function formatIds(ids: readonly number[]): string {
  return [...new Set(ids)].sort((a, b) => a - b).join(",");
}

/** The author ids of a stored `user_ids` text (see {@link formatIds}). */
export function parseIds(text: string): number[] {
  return text === "" ? [] : text.split(",").map(Number);
}
