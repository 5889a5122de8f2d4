/**
 * Word separators: Unicode white space (including the no-break spaces U+00A0 and U+202F that
 * French puts before ; : ! ?) and the en and em dashes, which LibreOffice treats as separators by
 * default ("30,000–40,000" is two words, "growth — and" has no dash word).
 */
const TOKEN = /[^\s\u2013\u2014]+/gu;
/**
 * A token is a word if it holds anything visible: like LibreOffice, a lone "?", "«", "&" or "-"
 * counts; a lone zero-width or control character does not.
 */
const VISIBLE = /[^\p{Cf}\p{Cc}]/u;
/** Scripts written without spaces: each character (grapheme) counts as one word. */
const CHARACTER_SCRIPTS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

function countCharacterScriptToken(token: string): number {
  let words = 0;
  let pendingWord = false;
  for (const { segment } of graphemes.segment(token)) {
    if (CHARACTER_SCRIPTS.test(segment)) {
      if (pendingWord) words++;
      pendingWord = false;
      words++;
    } else if (VISIBLE.test(segment)) {
      pendingWord = true;
    }
  }
  return pendingWord ? words + 1 : words;
}

/**
 * Counts the words of a plain text: the one definition of a word used everywhere in Rapporteur
 * (editor, server, CLI, exporters). It follows LibreOffice Writer's count, measured with
 * LibreOffice on fixture texts (see countWords.test.ts) and on exported reports
 * (tests/wordcount/libreofficeCount.test.ts):
 * - a word is a run of characters between white space (any Unicode space, no-break spaces
 *   included) or en/em dashes, so "e-mail", "well-being", "1,000.5", "30,000-40,000", a URL and
 *   an e-mail address are one word each, and "1 000" is two;
 * - as in LibreOffice, a run of punctuation counts too: the "?" or "«" that French sets off with
 *   a no-break space, a spaced "-" or "…", a lone "&" (en and em dashes never count);
 * - Chinese, Japanese (kanji and kana), Korean and Thai characters count one word each, as
 *   LibreOffice and Word count them (Intl.Segmenter's dictionary words would count 信息社会 as
 *   two, where both count four); a run of anything else among them ("2025", "WSIS", "。")
 *   counts as one word.
 */
export function countWords(text: string): number {
  let words = 0;
  for (const [token] of text.matchAll(TOKEN)) {
    if (CHARACTER_SCRIPTS.test(token)) words += countCharacterScriptToken(token);
    else if (VISIBLE.test(token)) words++;
  }
  return words;
}
