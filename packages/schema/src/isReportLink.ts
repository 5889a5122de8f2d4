/** Link targets a report may carry: web pages and e-mail addresses, nothing a browser would run. */
const REPORT_LINK = /^(?:https?:\/\/|mailto:)/i;

/**
 * Whether `url` may be a link of the report: only absolute `http://`, `https://` and `mailto:`
 * addresses; `javascript:`, `data:`, `file:`, relative and scheme-less targets are refused. The one
 * rule for the editor, the Markdown and Word importers and the DOCX exporter.
 */
export function isReportLink(url: unknown): boolean {
  if (typeof url !== "string") return false;
  // Browsers ignore control characters and spaces inside a scheme ("java\tscript:"); so do we.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters on purpose
  return REPORT_LINK.test(url.replace(/[\u0000-\u0020\u007f-\u009f]/g, ""));
}
