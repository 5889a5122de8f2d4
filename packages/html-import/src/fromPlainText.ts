import { fromMarkdown, normalizeDoc, WarningList } from "@rapporteur/markdown";
import type { DocJSON } from "@rapporteur/schema";
import type { HtmlImportResult } from "./fromHtml";
import { checkSize, MAX_TEXT_CHARS } from "./importLimits";
import { looksLikeMarkdown } from "./looksLikeMarkdown";

// C0/C1 control characters other than tab and line ends (as removed from Markdown).
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters on purpose
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g;
// A word broken at a line end: a letter, a hyphen, the line end, then a lower-case letter.
const HYPHENATED = /(\p{L})-$/u;

/** Joins the lines of one paragraph: line ends are spaces, a word hyphenated at one is joined. */
export function joinLines(lines: string[]): string {
  let text = "";
  for (const raw of lines) {
    const line = raw.trim();
    if (line === "") continue;
    if (text === "") text = line;
    else if (HYPHENATED.test(text) && /^\p{Ll}/u.test(line)) text = text.slice(0, -1) + line;
    else text = `${text} ${line}`;
  }
  return text;
}

/**
 * Reads plain text (a paste without HTML, a `.txt` file) into ONE section's document.
 *
 * Text that looks like Markdown (see {@link looksLikeMarkdown}) is read as Markdown. Other text
 * is split into paragraphs at blank lines; the lines of a paragraph are joined (text copied from
 * a PDF or a hard-wrapped file), and a word hyphenated at a line end is joined again.
 * Control characters are removed with a warning. Throws `HtmlImportError` (`too_large`) above
 * {@link MAX_TEXT_CHARS}.
 */
export function fromPlainText(text: string): HtmlImportResult {
  checkSize(text, MAX_TEXT_CHARS, "text");
  const source = text.startsWith("\ufeff") ? text.slice(1) : text;
  if (looksLikeMarkdown(source)) return fromMarkdown(source);
  const warnings = new WarningList();
  let removed = 0;
  const clean = source.replace(CONTROL, () => {
    removed++;
    return "";
  });
  if (removed > 0) {
    warnings.add(undefined, `${removed} control character(s) removed (binary data is not text).`);
  }
  const content: DocJSON[] = clean
    .split(/(?:\r\n?|\n)[ \t\u00a0]*(?:\r\n?|\n)/)
    .map((block) => joinLines(block.split(/\r\n?|\n/)).replace(/\t/g, " "))
    .filter((paragraph) => paragraph !== "")
    .map((paragraph) => ({ type: "paragraph", content: [{ type: "text", text: paragraph }] }));
  return { doc: normalizeDoc({ type: "doc", content }), warnings: warnings.list() };
}
