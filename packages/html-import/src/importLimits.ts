import { HtmlImportError } from "./htmlImportError";

/** Most characters of HTML read at once (a paste or an imported .html file). */
export const MAX_HTML_CHARS = 8 * 1024 * 1024;

/** Most characters of plain text read at once (the limit of a Markdown file). */
export const MAX_TEXT_CHARS = 5 * 1024 * 1024;

/** Elements nested deeper than this are not read (their text is dropped, with a warning). */
export const MAX_ELEMENT_DEPTH = 512;

/** Refuses input over `limit` characters, naming the limit. */
export function checkSize(input: string, limit: number, what: string): void {
  if (input.length <= limit) return;
  const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
  throw new HtmlImportError(
    "too_large",
    `The ${what} is ${mib(input.length)} MiB: more than the limit of ${mib(limit)} MiB, so nothing was kept. Split it and try again.`,
  );
}
