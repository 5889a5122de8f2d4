/** The six official languages of the United Nations, as BCP 47 primary language tags. */
export const UN_LANGUAGES = ["ar", "zh", "en", "fr", "ru", "es"] as const;

/** One of the six official UN languages. */
export type UnLanguage = (typeof UN_LANGUAGES)[number];

/** Whether `value` names one of the six official UN languages. */
export function isUnLanguage(value: unknown): value is UnLanguage {
  return typeof value === "string" && (UN_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The UN language an HTML `lang` attribute names, or null: Word and web pages write tags such as
 * "EN-GB" or "fr-CA", and any other language is not kept (pasted text must never be refused).
 */
export function languageFromHtml(value: string | null): UnLanguage | null {
  const primary = value?.trim().toLowerCase().split(/[-_]/)[0];
  return isUnLanguage(primary) ? primary : null;
}

/** Whether a language is written right to left (of the six, only Arabic). */
export function isRightToLeft(language: UnLanguage | null | undefined): boolean {
  return language === "ar";
}

/** The attribute rule of a language attribute: null (none set) or one of the six languages. */
export function validateLanguage(value: unknown): void {
  if (value !== null && !isUnLanguage(value)) {
    throw new RangeError(`"${String(value)}" is not one of the six UN languages`);
  }
}
