/** Chinese and Japanese script: written without spaces between words. */
export const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * A pattern that finds a phrase's words (given folded) in folded text with any spacing or
 * punctuation between them, bounded by non-letters. Next to Chinese or Japanese characters no
 * boundary or space is required, since that text has none between words.
 */
export function phrasePattern(words: readonly string[], flags: string): RegExp | null {
  if (words.length === 0) return null;
  const escaped = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  let source = CJK.test(words[0]!.at(0) ?? "") ? "" : "(?<![\\p{L}\\p{N}])";
  escaped.forEach((word, index) => {
    if (index > 0) {
      const joinsCjk =
        CJK.test(words[index - 1]!.at(-1) ?? "") || CJK.test(words[index]!.at(0) ?? "");
      source += joinsCjk ? "[^\\p{L}\\p{N}]*" : "[^\\p{L}\\p{N}]+";
    }
    source += word;
  });
  if (!CJK.test(words.at(-1)!.at(-1) ?? "")) source += "(?![\\p{L}\\p{N}])";
  return new RegExp(source, flags.includes("u") ? flags : `${flags}u`);
}
