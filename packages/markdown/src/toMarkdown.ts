import type { CitationText, DocJSON } from "@rapporteur/schema";
import { blocksToMdast, type ToMarkdownState } from "./docToMdast";
import { normalizeDoc } from "./normalizeDoc";
import { stringifyMarkdown } from "./stringifyMarkdown";

/**
 * Writes ONE section document as GitHub-flavoured Markdown: sub-headings as `###` (level 3) and
 * `####` (level 4), `**bold**`, `*italic*`, links, `-` and `1.` lists, `>` block quotes, GFM
 * tables, and footnotes as `[^1]` references numbered in document order with their definitions at
 * the end. The document is first brought to the form of {@link normalizeDoc}, so
 * `fromMarkdown(toMarkdown(doc)).doc` deep-equals `normalizeDoc(doc)` (citations excepted: they
 * are written as footnotes whose text is `citations[citationKey]`).
 */
export function toMarkdown(doc: DocJSON, citations?: Record<string, CitationText>): string {
  const state: ToMarkdownState = { footnoteDefinitions: [], citations };
  const children = blocksToMdast(normalizeDoc(doc).content ?? [], state);
  return stringifyMarkdown({ type: "root", children: [...children, ...state.footnoteDefinitions] });
}
