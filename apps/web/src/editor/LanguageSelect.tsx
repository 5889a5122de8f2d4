import { isUnLanguage, UN_LANGUAGES, type UnLanguage } from "@rapporteur/schema";
import { useKeyboardChoice } from "./useKeyboardChoice";

/** The six UN languages by name, as the toolbar lists them. */
export const LANGUAGE_NAMES: Record<UnLanguage, string> = {
  ar: "Arabic",
  zh: "Chinese",
  en: "English",
  fr: "French",
  ru: "Russian",
  es: "Spanish",
};

/** Props of {@link LanguageSelect}. */
export interface LanguageSelectProps {
  label: string;
  /** The first option, for no language set. */
  noneLabel: string;
  value: UnLanguage | null;
  disabled: boolean;
  onChoose: (lang: UnLanguage | null) => void;
}

/** A toolbar list of the six UN languages (arrows choose, Enter applies: useKeyboardChoice). */
export function LanguageSelect({
  label,
  noneLabel,
  value,
  disabled,
  onChoose,
}: LanguageSelectProps) {
  const { choice, handlers } = useKeyboardChoice((chosen) =>
    onChoose(isUnLanguage(chosen) ? chosen : null),
  );
  return (
    <select
      className="tool tool--select"
      aria-label={label}
      value={choice ?? value ?? ""}
      disabled={disabled}
      {...handlers}
    >
      <option value="">{noneLabel}</option>
      {UN_LANGUAGES.map((lang) => (
        <option key={lang} value={lang}>
          {LANGUAGE_NAMES[lang]}
        </option>
      ))}
    </select>
  );
}
