const HEADING = /^#{1,6}[ \t]+\S/;
const TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$/;
const FOOTNOTE_DEFINITION = /^\[\^[^\]\s]+\]:[ \t]/;
const INLINE_LINK = /\[[^\]\n]+\]\((https?:|mailto:)[^)\s]+\)/;
const STRONG = /(\*\*|__)\S[^\n]*?\S\1/;
const LIST_ITEM = /^[ \t]{0,3}([-*+]|\d{1,3}[.)])[ \t]+\S/;

/**
 * Whether plain text is Markdown, by a conservative test: a `#` heading, a `|` table with its
 * delimiter row, a `[^a]:` footnote, a `[text](https://…)` link, `**strong**` text, or a list
 * of at least two items that starts a paragraph. Text copied from a PDF or a word processor
 * has none of these; a paragraph that merely starts with "1." or "-" is not enough.
 */
export function looksLikeMarkdown(text: string): boolean {
  const lines = text.split(/\r\n?|\n/);
  let listRun = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (HEADING.test(line) || TABLE_DELIMITER.test(line) || FOOTNOTE_DEFINITION.test(line))
      return true;
    if (INLINE_LINK.test(line) || STRONG.test(line)) return true;
    if (LIST_ITEM.test(line)) {
      const previous = lines[i - 1];
      if (listRun > 0 || previous === undefined || previous.trim() === "") listRun++;
      if (listRun >= 2) return true;
    } else {
      listRun = 0;
    }
  }
  return false;
}
