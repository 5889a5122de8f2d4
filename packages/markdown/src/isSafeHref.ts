/** Link targets a report may carry: web pages and e-mail addresses, nothing a browser would run. */
const SAFE_HREF = /^(?:https?|mailto):/i;

/**
 * Whether `href` may be kept as a link. Only absolute `http:`, `https:` and `mailto:` URLs pass;
 * `javascript:`, `data:`, relative and scheme-less targets do not.
 */
export function isSafeHref(href: unknown): href is string {
  if (typeof href !== "string") return false;
  // Browsers ignore control characters and spaces inside a scheme ("java\tscript:"); so do we.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters on purpose
  const cleaned = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  return SAFE_HREF.test(cleaned);
}
