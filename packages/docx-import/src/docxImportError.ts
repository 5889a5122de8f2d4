/**
 * Stable ids of the reasons a file cannot be imported, for HTTP error bodies and the CLI:
 * - `empty_file`: no bytes at all.
 * - `not_a_docx`: not a ZIP package (binary junk, an old `.doc`, a password-protected file) or a
 *   damaged one.
 * - `truncated`: a ZIP package whose end is missing (interrupted upload or download).
 * - `too_large`: more parts, or more uncompressed text, than the limits allow.
 * - `zip_bomb`: a part that inflates far beyond its compressed size or beyond the size it declares.
 * - `missing_document`: a ZIP package without a Word document in it (`word/document.xml`).
 * - `malformed_xml`: a part that is not well-formed XML (or not UTF-8/UTF-16 text).
 * - `unsafe_xml`: a part with a DOCTYPE or entity declarations (the "billion laughs" attack).
 * - `no_review`: a Word file imported as review without any tracked change or comment.
 */
export type DocxImportErrorId =
  | "empty_file"
  | "not_a_docx"
  | "truncated"
  | "too_large"
  | "zip_bomb"
  | "missing_document"
  | "malformed_xml"
  | "unsafe_xml"
  | "no_review";

/** Thrown by `fromDocx` when a file cannot be imported; `message` is meant for the user. */
export class DocxImportError extends Error {
  override name = "DocxImportError";

  constructor(
    readonly id: DocxImportErrorId,
    message: string,
  ) {
    super(message);
  }
}
