import { normalizeDoc, snippet, WarningList } from "@rapporteur/markdown";
import { type DocJSON, MAX_CONTAINER_NESTING } from "@rapporteur/schema";
import type { Root } from "hast";
import { fromHtml as parseHtml } from "hast-util-from-html";
import { indexFootnotes } from "./footnoteIndex";
import { hastText } from "./hastHelpers";
import { type HtmlState, hastToBlocks } from "./hastToDoc";
import { HtmlImportError } from "./htmlImportError";
import { checkSize, MAX_ELEMENT_DEPTH, MAX_HTML_CHARS } from "./importLimits";
import { shiftHeadings } from "./shiftHeadings";

/** Options of {@link fromHtml}. */
export interface FromHtmlOptions {
  /** The app's own origin (`location.origin`): links to it are dropped, their text kept. */
  appOrigin?: string;
}

/** A section document read from HTML or text, with what could not be kept. */
export interface HtmlImportResult {
  /** ProseMirror JSON of the report schema, normalised as by `normalizeDoc`. */
  doc: DocJSON;
  /** Human-readable messages, each naming what was changed or dropped. */
  warnings: string[];
}

function parse(html: string): Root {
  try {
    return parseHtml(html);
  } catch (error) {
    if (error instanceof RangeError) {
      throw new HtmlImportError(
        "too_deep",
        "The HTML is nested too deeply to be read (hostile or broken content): nothing was kept.",
      );
    }
    throw error;
  }
}

/**
 * Reads HTML — the clipboard of Word (Windows and Mac), Google Docs, LibreOffice and web
 * browsers, or an `.html` file — into ONE section's document.
 *
 * Kept: paragraphs; headings (`<h1>`…`<h6>`, Word's `MsoHeading`/`MsoTitle`), shifted as by Markdown
 * import (the shallowest becomes a sub-heading); bold and italic (tags and inline styles, so
 * Google's `font-weight:700` spans count and its `font-weight:normal` wrapper does not); http,
 * https and mailto links; lists, including Word's flat `mso-list` paragraphs rebuilt into nested
 * lists and Google's lists nested in lists; tables; block quotes; line breaks; footnotes, from
 * Word (`mso-footnote-id`) and web pages (`#fn1`, `sup > a`, `role=doc-noteref`,
 * `section.footnotes`), as footnotes at their references.
 *
 * Dropped: scripts, frames, embedded objects, style sheets, form fields, images (external ones
 * named), horizontal rules, Word's hidden fallbacks and styling, links that point inside the
 * pasted page or at `appOrigin` or are relative (text kept), links with other schemes
 * (`javascript:`, `data:`: text kept), containers nested beyond the Markdown import's limit
 * (flattened) and elements nested beyond {@link MAX_ELEMENT_DEPTH}; each with a warning.
 *
 * Throws {@link HtmlImportError} when the input is over {@link MAX_HTML_CHARS} (`too_large`) or
 * cannot be parsed for its nesting (`too_deep`).
 */
export function fromHtml(html: string, options: FromHtmlOptions = {}): HtmlImportResult {
  checkSize(html, MAX_HTML_CHARS, "HTML");
  const tree = parse(html);
  const warnings = new WarningList();
  const footnotes = indexFootnotes(tree);
  const state: HtmlState = {
    warnings,
    footnotes,
    appOrigin: options.appOrigin,
    usedNotes: new Map(),
    containerDepth: 0,
    elementDepth: 0,
    inFootnote: false,
    inPre: false,
    counts: { localLinks: 0, rules: 0, deepElements: 0, deepContainers: 0 },
  };
  let blocks: DocJSON[];
  try {
    blocks = hastToBlocks(tree, state);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new HtmlImportError(
      "too_deep",
      "The HTML is nested too deeply to be read: nothing was kept.",
    );
  }
  shiftHeadings(blocks, warnings);
  const { counts } = state;
  if (counts.localLinks > 0) {
    warnings.add(
      undefined,
      `${counts.localLinks} link(s) to this app or inside the copied page removed (their text is kept).`,
    );
  }
  if (counts.rules > 0) warnings.add(undefined, `${counts.rules} horizontal rule(s) dropped.`);
  if (counts.deepContainers > 0) {
    warnings.add(
      undefined,
      `lists, quotes or tables nested more than ${MAX_CONTAINER_NESTING} levels deep were flattened (${counts.deepContainers} times; their text is kept).`,
    );
  }
  if (counts.deepElements > 0) {
    warnings.add(
      undefined,
      `content nested more than ${MAX_ELEMENT_DEPTH} elements deep was flattened to plain text (${counts.deepElements} times).`,
    );
  }
  for (const orphan of footnotes.orphans) {
    warnings.add(
      undefined,
      `footnote "${snippet(hastText(orphan))}" has no reference in the copied text: it was not kept.`,
    );
  }
  return { doc: normalizeDoc({ type: "doc", content: blocks }), warnings: warnings.list() };
}
