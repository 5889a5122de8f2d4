import type { CitationText, DocJSON } from "@rapporteur/schema";
import { criticMarkupDoc, criticMarkupText } from "./criticMarkupDoc";
import type { MarkdownReport } from "./markdownReport";
import { reportToMarkdown } from "./reportToMarkdown";
import { toMarkdown } from "./toMarkdown";

/**
 * Writes ONE compared section document (see compareDocuments in @rapporteur/compare) as Markdown
 * with CriticMarkup: `{++ inserted ++}`, `{-- deleted --}`, `{~~ old ~> new ~~}`. Otherwise as
 * {@link toMarkdown}; changes inside a footnote are marked in its definition, and an added or
 * removed footnote is marked at its reference and in its definition. With `options.authors`,
 * each change is followed by its author as a CriticMarkup comment: `{++ fast++}{>>Amina<<}`.
 */
export function toCriticMarkup(doc: DocJSON, options: CriticMarkupOptions = {}): string {
  return criticMarkupText(toMarkdown(criticMarkupDoc(doc, options.authors), options.citations));
}

/** Options of toCriticMarkup and reportToCriticMarkup. */
export interface CriticMarkupOptions {
  /** Name each change's author after it (`{>>name<<}`). Default: false. */
  authors?: boolean;
  /** Footnote texts of cited evidence sources, by citationKey (one section's comparison). */
  citations?: Record<string, CitationText>;
}

/** Writes a whole compared report as Markdown with CriticMarkup, as {@link reportToMarkdown}. */
export function reportToCriticMarkup(
  report: MarkdownReport,
  options: CriticMarkupOptions = {},
): string {
  return criticMarkupText(
    reportToMarkdown({
      ...report,
      sections: report.sections.map((s) => ({
        ...s,
        doc: criticMarkupDoc(s.doc, options.authors),
      })),
    }),
  );
}
