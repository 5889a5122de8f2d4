import type { UnLanguage } from "./unLanguages";

// Scripts that name one UN language without doubt; Latin script is shared by English, French and
// Spanish, so it names none.
const SCRIPTS: [UnLanguage, RegExp][] = [
  ["ar", /\p{Script=Arabic}/gu],
  ["zh", /\p{Script=Han}/gu],
  ["ru", /\p{Script=Cyrillic}/gu],
];
const LETTER = /\p{L}/gu;

/**
 * The UN language a text is obviously written in, from its script: Arabic, Chinese (Han) or
 * Russian (Cyrillic) when more than half of its letters are in that script; null otherwise
 * (Latin-script text, mixed text, no letters).
 */
export function detectLanguage(text: string): UnLanguage | null {
  const letters = text.match(LETTER)?.length ?? 0;
  if (letters === 0) return null;
  for (const [language, script] of SCRIPTS) {
    if ((text.match(script)?.length ?? 0) * 2 > letters) return language;
  }
  return null;
}
