import { type DocJSON, detectLanguage, isUnLanguage, type UnLanguage } from "@rapporteur/schema";
import type { IRunOptions } from "docx";

/** The font Word and LibreOffice use for Chinese text (`w:rFonts w:eastAsia`). */
export const EAST_ASIAN_FONT = "SimSun";

// The regional variants UN documents are written in.
const LANGUAGE_TAGS: Record<UnLanguage, string> = {
  ar: "ar-SA",
  zh: "zh-CN",
  en: "en-GB",
  fr: "fr-FR",
  ru: "ru-RU",
  es: "es-ES",
};

/**
 * Run properties of text in a UN language: `w:lang` in the slot Word reads for the script
 * (`w:bidi` for Arabic, `w:eastAsia` for Chinese, `w:val` otherwise) and `w:rtl` for Arabic, so
 * that Word and LibreOffice shape, order and hyphenate it right. Nothing when no language is known.
 */
export function languageRunOptions(language: UnLanguage | null | undefined): Partial<IRunOptions> {
  if (!language) return {};
  const tag = LANGUAGE_TAGS[language];
  if (language === "ar") return { rightToLeft: true, language: { bidirectional: tag } };
  if (language === "zh") return { language: { eastAsia: tag } };
  return { language: { value: tag } };
}

/** The language of a textblock: set by hand (`lang`), or detected from its script. */
export function blockLanguage(node: DocJSON): UnLanguage | null {
  const set = node.attrs?.lang;
  if (isUnLanguage(set)) return set;
  return detectLanguage(plainText(node));
}

function plainText(node: DocJSON): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "footnote") return "";
  return (node.content ?? []).map(plainText).join("");
}
