/** One term of a search: a word or a "quoted phrase". */
export interface SearchTerm {
  text: string;
  phrase: boolean;
  /** Holds Chinese, Japanese or Korean characters: found by substring, not by word. */
  cjk: boolean;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Whether `text` holds Chinese, Japanese or Korean characters. */
export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/**
 * The terms of a search box's text: "quoted phrases" and words (an unclosed quote runs to the
 * end). Every term must match.
 */
export function searchQuery(q: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  const pattern = /"([^"]*)"?|([^\s"]+)/g;
  for (const match of q.matchAll(pattern)) {
    const phrase = match[1] !== undefined;
    const text = (match[1] ?? match[2] ?? "").trim();
    if (text === "") continue;
    terms.push({ text, phrase, cjk: hasCjk(text) });
  }
  return terms.slice(0, 32);
}

/** A term as an FTS5 string (quoted: its punctuation cannot be read as query syntax). */
export function ftsString(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}
