import type { CitationText, DocJSON } from "@rapporteur/schema";

/** The whole report as the Markdown converters see it: outline order, one document per section. */
export interface MarkdownReport {
  title: string;
  /** Document symbol, e.g. `E/CN.16/2025/CRP.1`. */
  symbol: string;
  /** Issue date, as written in the front matter (ISO `YYYY-MM-DD` by convention). */
  date: string;
  /** Parts (chapters) in reading order; a `frontMatter` part's paragraphs take no number. */
  parts: { id: string; title: string; frontMatter?: boolean }[];
  /** Sections in reading order; `part` is the id of the part they belong to. */
  sections: { id: string; title: string; part: string; doc: DocJSON }[];
  /** Footnote texts of the evidence sources the sections cite, by citation (citationKey). */
  citations?: Record<string, CitationText>;
}

/** What {@link reportFromMarkdown} needs of the outline: parts and sections with their titles. */
export interface MarkdownOutline {
  parts: readonly { id: string; title: string }[];
  sections: readonly { id: string; title: string; part: string }[];
}
