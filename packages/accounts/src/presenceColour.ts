/**
 * Caret and presence colours: calm, distinct, and dark enough for white label text (WCAG AA on
 * white text). Plain `#rrggbb` because the caret extension accepts nothing else.
 */
export const PRESENCE_COLOURS = [
  "#1f5f99",
  "#a4462a",
  "#5e4a9c",
  "#2c7150",
  "#9b2f5b",
  "#7a5d12",
  "#1d6f78",
  "#56661f",
  "#7b3f8f",
  "#b03a2e",
] as const;

/**
 * The colour of a name: the same name always gets the same colour, on every machine. An
 * account's colour is that of its username (unique and never changed), so its caret, its presence
 * and its avatars agree everywhere; the collaboration server sets it on every presence state.
 */
export function colourForName(name: string): string {
  // FNV-1a: a small, well-spread string hash.
  let hash = 0x811c9dc5;
  for (const char of name.trim().toLowerCase()) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return PRESENCE_COLOURS[(hash >>> 0) % PRESENCE_COLOURS.length] ?? PRESENCE_COLOURS[0];
}

/** How an account appears to others in a section: on its caret and in presence lists. */
export interface PresenceUser {
  /** The account's id: one person in several tabs or windows is listed once. */
  id: string;
  name: string;
  color: string;
}

/**
 * The presence of an account: its id, its display name (or username) and the colour of its
 * username.
 */
export function presenceOf(account: {
  id: number;
  username: string;
  displayName: string;
}): PresenceUser {
  return {
    id: String(account.id),
    name: account.displayName || account.username,
    color: colourForName(account.username),
  };
}
