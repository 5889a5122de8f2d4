import type { DocJSON } from "@rapporteur/schema";
import { cleanSource } from "./cleanSource";
import { splitFrontMatter } from "./frontMatter";
import type { MarkdownTooDeepError } from "./MarkdownTooDeepError";
import {
  collectDefinitions,
  convertFlow,
  type FromMarkdownState,
  shallowestHeading,
  warnUnusedFootnotes,
} from "./mdastToDoc";
import { normalizeDoc } from "./normalizeDoc";
import { parseMarkdown } from "./parseMarkdown";
import { WarningList } from "./warningList";

/** A section document read from Markdown, with what could not be kept. */
export interface FromMarkdownResult {
  /** ProseMirror JSON of the report schema, in the canonical form of {@link normalizeDoc}. */
  doc: DocJSON;
  /** Human-readable messages, each naming what was changed or dropped and on which line. */
  warnings: string[];
}

/** The heading level that Markdown heading depth 3 (`###`) has in a section: a sub-heading. */
export const SECTION_HEADING_BASE = 3;

/**
 * Reads ONE section from GitHub-flavoured Markdown.
 *
 * Headings: a section holds two levels of sub-headings (levels 3 and 4). The file's headings are
 * shifted so that its shallowest heading becomes a sub-heading when it is `#` or `##` (drafts
 * usually start at `#`): with `#` present, `#` -> 3, `##` -> 4; with `##` the shallowest, `##` -> 3,
 * `###` -> 4. Otherwise depths are kept as exported by {@link toMarkdown}: `###` -> 3, `####` -> 4.
 * Anything deeper becomes level 4, with a warning.
 *
 * Kept: paragraphs, headings, bold, italic, http/https/mailto links, bullet and ordered lists
 * (with their start), block quotes, GFM tables (first row as header cells), GFM footnotes (as a
 * footnote at the reference, holding the definition's text), hard breaks. Everything else is
 * converted to text or dropped, each time with a warning: raw HTML (never interpreted), images,
 * code, strikethrough, horizontal rules, task checkboxes, unsafe links, nesting the editor cannot
 * hold. YAML front matter is ignored with a warning.
 *
 * Throws {@link MarkdownTooDeepError} (`import_too_deep`) when lists and quotes nest deeper than
 * MAX_IMPORT_NESTING: a file, not a bug, so callers answer it as a refusal.
 */
export function fromMarkdown(markdown: string): FromMarkdownResult {
  const warnings = new WarningList();
  const front = splitFrontMatter(cleanSource(markdown, warnings));
  if (front.data !== undefined)
    warnings.add(undefined, "Front matter ignored (importing a section).");
  const tree = parseMarkdown(front.body);
  const shallowest = shallowestHeading(tree) ?? SECTION_HEADING_BASE;
  const state: FromMarkdownState = {
    warnings,
    ...collectDefinitions(tree),
    usedFootnotes: new Set(),
    headingOffset: SECTION_HEADING_BASE - Math.min(SECTION_HEADING_BASE, shallowest),
    depth: 0,
    inFootnote: false,
  };
  const content = convertFlow(tree.children, state);
  warnUnusedFootnotes(state);
  return { doc: normalizeDoc({ type: "doc", content }), warnings: warnings.list() };
}
