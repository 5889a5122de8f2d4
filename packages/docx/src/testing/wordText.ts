/** The visible text of a Word part's XML: the contents of its `<w:t>` runs, joined. */
export function wordText(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
}
