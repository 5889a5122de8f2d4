import type { DocJSON } from "@rapporteur/schema";
import { criticMarkupDoc, criticMarkupText } from "./criticMarkupDoc";
import type { MarkdownReport } from "./markdownReport";
import { reportToMarkdown } from "./reportToMarkdown";
import { toMarkdown } from "./toMarkdown";

/**
 * Writes ONE compared section document (see compareDocuments in @rapporteur/compare) as Markdown
 * with CriticMarkup: `{++ inserted ++}`, `{-- deleted --}`, `{~~ old ~> new ~~}`. Otherwise as
 * {@link toMarkdown}; changes inside a footnote are marked in its definition, and an added or
 * removed footnote is marked at its reference and in its definition.
 */
export function toCriticMarkup(doc: DocJSON): string {
  return criticMarkupText(toMarkdown(criticMarkupDoc(doc)));
}

/** Writes a whole compared report as Markdown with CriticMarkup, as {@link reportToMarkdown}. */
export function reportToCriticMarkup(report: MarkdownReport): string {
  return criticMarkupText(
    reportToMarkdown({
      ...report,
      sections: report.sections.map((s) => ({ ...s, doc: criticMarkupDoc(s.doc) })),
    }),
  );
}
