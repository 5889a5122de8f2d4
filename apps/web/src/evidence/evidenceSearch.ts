/** A search of the evidence library as the Evidence page's form and address hold it. */
export interface EvidenceSearch {
  q: string;
  kind: string;
  question: string;
  group: string;
  region: string;
  country: string;
}

const FIELDS = ["q", "kind", "question", "group", "region", "country"] as const;

/** Results one page shows; `total` still counts every match. */
export const EVIDENCE_PAGE_SIZE = 50;

/** Reads a search from an address's query string (`?q=…&kind=…`). */
export function searchFromQuery(query: string): EvidenceSearch {
  const params = new URLSearchParams(query);
  const search = {} as EvidenceSearch;
  for (const field of FIELDS) search[field] = (params.get(field) ?? "").slice(0, 1000);
  return search;
}

/** The query string of a search, without empty fields (`""` for no search at all). */
export function queryOfSearch(search: EvidenceSearch): string {
  const params = new URLSearchParams();
  for (const field of FIELDS) {
    const value = search[field].trim();
    if (value) params.set(field, value);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
