/**
 * Stable ids of the reasons pasted or imported HTML or text is refused as a whole:
 * - `too_large`: more characters than the limit (see `MAX_HTML_CHARS`, `MAX_TEXT_CHARS`);
 * - `too_deep`: nesting so deep that the HTML cannot be read without exhausting the stack.
 */
export type HtmlImportErrorId = "too_large" | "too_deep";

/** Thrown by `fromHtml` and `fromPlainText` when nothing can be kept; `message` is for the user. */
export class HtmlImportError extends Error {
  override name = "HtmlImportError";

  constructor(
    readonly id: HtmlImportErrorId,
    message: string,
  ) {
    super(message);
  }
}
