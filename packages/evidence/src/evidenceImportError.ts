/**
 * Stable ids of the reasons an evidence file is refused:
 * - `empty_file`: no bytes, or no source in it.
 * - `unsupported_file_type`: an extension no importer reads.
 * - `not_text`: a CSV, BibTeX, RIS or JSON file that is not UTF-8 text.
 * - `malformed_file`: a file that its format's parser cannot read (unclosed quote, broken entry).
 * - `unrecognised_columns`: a questionnaire without any known answer column.
 * - `too_large`: more rows, columns, entries, pages or text than the limits allow.
 * - `not_a_pdf`, `encrypted_pdf`: a PDF importer refusal.
 * - The ids of `DocxImportError` for Word and Excel packages (`zip_bomb`, `truncated`, ...).
 */
export type EvidenceImportErrorId = string;

/** Thrown by the evidence parsers when a file cannot be imported; `message` is meant for people. */
export class EvidenceImportError extends Error {
  override name = "EvidenceImportError";

  constructor(
    readonly id: EvidenceImportErrorId,
    message: string,
  ) {
    super(message);
  }
}
