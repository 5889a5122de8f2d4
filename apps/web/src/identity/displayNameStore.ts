/** localStorage key of the display name chosen on first visit (until accounts exist). */
export const DISPLAY_NAME_KEY = "rapporteur.name";

/** Longest display name accepted: it is shown on carets and in presence lists. */
export const MAX_DISPLAY_NAME_LENGTH = 60;

/** Trims and collapses spaces; `null` if nothing usable is left. */
export function normaliseDisplayName(input: string): string | null {
  const name = input.replace(/\s+/g, " ").trim().slice(0, MAX_DISPLAY_NAME_LENGTH).trim();
  return name.length > 0 ? name : null;
}

/** Reads the stored display name; `null` on first visit or when storage is unavailable. */
export function readDisplayName(): string | null {
  try {
    const stored = window.localStorage.getItem(DISPLAY_NAME_KEY);
    return stored === null ? null : normaliseDisplayName(stored);
  } catch {
    return null;
  }
}

/** Stores the display name; returns false when storage is unavailable (private browsing). */
export function writeDisplayName(name: string): boolean {
  try {
    window.localStorage.setItem(DISPLAY_NAME_KEY, name);
    return true;
  } catch {
    return false;
  }
}
