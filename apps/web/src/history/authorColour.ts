/** A stable colour for an author's name (the same in the legend and on the changes). */
export function authorColour(author: string): string {
  let hash = 0;
  for (const char of author) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) | 0;
  return `hsl(${Math.abs(hash) % 360} 65% 35%)`;
}
