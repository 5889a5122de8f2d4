/** Up to two initials of a display name, for avatars ("Amina Diallo" -> "AD"). */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [words[0]];
  return letters
    .map((word) => (word ? Array.from(word)[0] : ""))
    .join("")
    .toUpperCase();
}
