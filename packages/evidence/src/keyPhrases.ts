import { CJK } from "./phrasePattern";
import { STOP_WORDS } from "./stopWords";

/** Options of `keyPhrases`. */
export interface KeyPhraseOptions {
  /** A language code (en, fr, es, ru, ar, zh, ja); stop words of every listed language are dropped when absent. */
  language?: string | null;
  /** Fewest words in a phrase (default 2). */
  min?: number;
  /** Most words in a phrase (default 4). */
  max?: number;
  /** How many phrases to return (default 50). */
  limit?: number;
  /** Fewest texts a phrase must appear in (default 2). */
  minTexts?: number;
}

/** A key phrase: the most common surface form, and the texts (indexes) it appears in. */
export interface KeyPhrase {
  phrase: string;
  /** Folded form (lower case, no diacritics) that groups the surface forms. */
  key: string;
  /** Indexes into the texts given, each once, ascending. */
  texts: number[];
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
// Punctuation that ends a clause: a phrase never spans it.
const CLAUSE_BREAK = /[.,;:!?()[\]{}"“”«»\n\r\t|/…—–。，；：！？、「」『』（）【】《》〈〉]/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Lower case without diacritics: how phrases are grouped. */
export function foldWord(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replaceAll("’", "'");
}

function stopWordsFor(language: string | null | undefined): ReadonlySet<string> {
  const code = language?.trim().toLowerCase().slice(0, 2);
  const list = code && STOP_WORDS[code] ? STOP_WORDS[code] : Object.values(STOP_WORDS).flat();
  return new Set(list.map(foldWord));
}

interface Token {
  surface: string;
  key: string;
  /** Whether a clause break comes before it. */
  breakBefore: boolean;
  /** Whether it follows the previous token with nothing between (words of Chinese or Japanese). */
  joined: boolean;
  /** Chinese or Japanese: one character is a whole word there. */
  cjk: boolean;
}

const segmenters = new Map<string, Intl.Segmenter>();

/** The words of a run of letters with Chinese or Japanese in it (ICU's dictionary segmentation). */
function cjkWords(run: string): string[] {
  const locale = KANA.test(run) ? "ja" : "zh";
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: "word" });
    segmenters.set(locale, segmenter);
  }
  return [...segmenter.segment(run)].flatMap((part) => (part.isWordLike ? [part.segment] : []));
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  let last = 0;
  for (const match of text.matchAll(WORD)) {
    const gap = text.slice(last, match.index);
    const words = CJK.test(match[0]) ? cjkWords(match[0]) : [match[0]];
    words.forEach((word, index) => {
      out.push({
        surface: word,
        key: foldWord(word),
        breakBefore: index === 0 && CLAUSE_BREAK.test(gap),
        joined: index > 0,
        cjk: CJK.test(word),
      });
    });
    last = match.index + match[0].length;
  }
  return out;
}

function isStop(token: Token, stop: ReadonlySet<string>): boolean {
  return stop.has(token.key) || /^\p{N}+$/u.test(token.key) || (!token.cjk && token.key.length < 2);
}

/**
 * The key phrases of some texts: runs of `min`..`max` words within a clause that neither start
 * nor end with a stop word (stop words inside are kept: "access to information"). Chinese and
 * Japanese, written without spaces, are split into words by `Intl.Segmenter`. Phrases are
 * grouped by their folded form and counted once per text (not per occurrence); the surface form
 * shown is the most common one. Sorted by texts (descending), then longer first, then by phrase.
 */
export function keyPhrases(texts: readonly string[], options: KeyPhraseOptions = {}): KeyPhrase[] {
  const min = Math.max(1, options.min ?? 2);
  const max = Math.max(min, options.max ?? 4);
  const limit = options.limit ?? 50;
  const minTexts = options.minTexts ?? 2;
  const stop = stopWordsFor(options.language);
  const found = new Map<string, { texts: number[]; forms: Map<string, number> }>();
  texts.forEach((text, index) => {
    const words = tokens(text);
    for (let start = 0; start < words.length; start++) {
      const first = words[start]!;
      if (isStop(first, stop)) continue;
      for (let n = 1; n <= max && start + n <= words.length; n++) {
        const end = words[start + n - 1]!;
        if (n > 1 && end.breakBefore) break;
        if (n < min || isStop(end, stop)) continue;
        const run = words.slice(start, start + n);
        const key = run.map((word) => word.key).join(" ");
        const surface = run
          .map((word, at) => (at > 0 && !word.joined ? ` ${word.surface}` : word.surface))
          .join("");
        let entry = found.get(key);
        if (!entry) {
          entry = { texts: [], forms: new Map() };
          found.set(key, entry);
        }
        if (entry.texts.at(-1) !== index) entry.texts.push(index);
        entry.forms.set(surface, (entry.forms.get(surface) ?? 0) + 1);
      }
    }
  });
  const phrases: KeyPhrase[] = [];
  for (const [key, entry] of found) {
    if (entry.texts.length < minTexts) continue;
    let phrase = "";
    let best = 0;
    for (const [form, count] of entry.forms) {
      if (count > best) {
        phrase = form;
        best = count;
      }
    }
    phrases.push({ phrase, key, texts: entry.texts });
  }
  phrases.sort(
    (a, b) =>
      b.texts.length - a.texts.length ||
      b.key.split(" ").length - a.key.split(" ").length ||
      a.key.localeCompare(b.key),
  );
  return phrases.slice(0, limit);
}
