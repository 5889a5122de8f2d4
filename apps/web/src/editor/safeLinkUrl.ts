const ALLOWED_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/**
 * Turns what a drafter typed into a link target, or `null` if it is not a web or e-mail address.
 * Bare domains get `https://`, bare e-mail addresses `mailto:`; any other scheme (javascript:,
 * data:, file:) is refused.
 */
export function safeLinkUrl(input: string): string | null {
  const text = input.trim();
  if (text.length === 0 || /\s/.test(text)) return null;
  let candidate = text;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) {
    if (/^[^@/]+@[^@/]+\.[^@/]+$/.test(text)) candidate = `mailto:${text}`;
    else if (/^[^/:]+\.[a-z]{2,}(?:[/?#:].*)?$/i.test(text)) candidate = `https://${text}`;
    else return null;
  }
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol !== "mailto:" && url.hostname.length === 0) return null;
  return url.protocol === "mailto:" ? candidate : url.href;
}
