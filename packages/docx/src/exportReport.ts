import type { CitationText, DocJSON } from "@rapporteur/schema";
import type { MastheadLines } from "./docxTemplate";

/** An image placed in the document (the emblem of the masthead); sizes in pixels at 96 dpi. */
export interface ExportImage {
  type: "png" | "jpg";
  data: Uint8Array;
  width: number;
  height: number;
}

/** The report as the exporters see it: outline order, with each section's editor document. */
export interface ExportReport {
  title: string;
  /** Document symbol, e.g. `E/CN.16/2025/CRP.1`. */
  symbol: string;
  /** Issue date: ISO `YYYY-MM-DD` (printed as "12 March 2025") or text printed as given. */
  date: string;
  /** Masthead lines that replace the template's (the report settings editors change in the app). */
  masthead?: Partial<MastheadLines>;
  /** Emblem printed beside the organ's name in the masthead. */
  emblem?: ExportImage;
  /**
   * Chapters in reading order. A `frontMatter` part (the Summary) is printed on the first page
   * before the contents, unnumbered, its paragraphs without paragraph numbers.
   */
  parts: { id: string; title: string; frontMatter?: boolean }[];
  /** Sections in reading order; `part` is the id of the chapter they belong to. */
  sections: { id: string; title: string; part: string; doc: DocJSON }[];
  /**
   * Footnote texts of the evidence sources the sections cite, by citation (citationKey), formatted from their
   * current metadata; a cited source missing here is printed as missing.
   */
  citations?: Record<string, CitationText>;
}

/** One open comment thread on a section, exported as a Word comment in the review copy. */
export interface ExportComment {
  sectionId: string;
  /** The commented text; the comment is anchored on it when found in one paragraph. */
  quote?: string;
  author: string;
  /** ISO date-time. */
  date: string;
  text: string;
  replies?: { author: string; date: string; text: string }[];
}

/** Options of {@link toDocx}. */
export interface DocxExportOptions {
  /** `final` (default): clean copy. `review`: "Review copy" marking and comments. */
  variant?: "final" | "review";
  /** Open comment threads; used by the review copy only. */
  comments?: ExportComment[];
}
