import { IMPORT_FILES_DESCRIPTION, type ImportFormat, importFormatOf } from "@rapporteur/api";
import type { DocxReview } from "@rapporteur/docx-import";
import type { DocJSON } from "@rapporteur/schema";
import { z } from "zod";
import type { ReviewReading } from "../workers/readReviewJob";
import type { ImportConversion } from "./convertImport";
import { badRequest, HttpError, payloadTooLarge } from "./errors";

/** Body of `POST /api/sections/:id/import`: the file's name and its bytes in base64. */
export const importBody = z
  .object({
    filename: z.string().trim().min(1).max(255),
    contentBase64: z.string(),
  })
  .strict();

/** An uploaded file turned into a section document. */
export interface ImportedFile {
  format: ImportFormat;
  doc: DocJSON;
  /** What could not be kept, one sentence each (never dropped silently). */
  warnings: string[];
}

/** Converts a file's bytes (see convertImport): the server's ImportConverter, off its thread. */
export type ConvertImport = (format: ImportFormat, bytes: Uint8Array) => Promise<ImportConversion>;

/** 422: the file was received but cannot be imported. */
const unprocessable = (id: string, message: string) => new HttpError(422, id, message);

const DATA_URL_PREFIX = /^data:[^,]*;base64,/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function formatOf(filename: string): ImportFormat {
  const format = importFormatOf(filename);
  if (format !== null) return format;
  throw badRequest(
    "unsupported_file_type",
    `Cannot import '${filename}': only ${IMPORT_FILES_DESCRIPTION} files can be imported`,
  );
}

/** The bytes of a base64 upload (a `data:` URL prefix is allowed); 400 `invalid_base64`, 413, 422 `empty_file`. */
export function decodeBase64Upload(contentBase64: string, maxBytes: number): Uint8Array {
  const text = contentBase64.replace(DATA_URL_PREFIX, "").replace(/\s+/g, "");
  if (text.length % 4 !== 0 || !BASE64.test(text)) {
    throw badRequest("invalid_base64", "body.contentBase64: not valid base64");
  }
  const padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  const size = (text.length / 4) * 3 - padding;
  if (size > maxBytes) throw fileTooLarge(maxBytes);
  if (size === 0)
    throw unprocessable("empty_file", "The file is empty: there is nothing to import");
  return new Uint8Array(Buffer.from(text, "base64"));
}

/** 413 for a file above the import limit; the message gives the limit. */
export function fileTooLarge(maxBytes: number): HttpError {
  const mib = (maxBytes / 1024 / 1024).toFixed(2).replace(/\.?0+$/, "");
  return payloadTooLarge(
    "file_too_large",
    `The file is larger than the import limit of ${mib} MiB (RAPPORTEUR_MAX_IMPORT_BYTES)`,
  );
}

/**
 * Reads an uploaded reviewed Word file for an import as review, checking it like
 * {@link importUpload}: a `.docx` name (400 `unsupported_file_type`), the base64, the size, then
 * the content, read by `read` (422 with the DocxImportError ids, `no_review` for a file without
 * tracked changes or comments, `import_too_complex`).
 */
export async function reviewUpload(
  body: z.output<typeof importBody>,
  maxBytes: number,
  read: (bytes: Uint8Array) => Promise<ReviewReading>,
): Promise<DocxReview> {
  if (formatOf(body.filename) !== "docx") {
    throw badRequest(
      "unsupported_file_type",
      `Cannot import '${body.filename}' as review: only a Word file (.docx) carries tracked changes and comments`,
    );
  }
  const result = await read(decodeBase64Upload(body.contentBase64, maxBytes));
  if (!result.ok) throw unprocessable(result.id, result.message);
  return result.review;
}

/**
 * Turns an uploaded file into a section document, checking everything before anything is
 * changed: the extension (400 `unsupported_file_type`), the base64 (400 `invalid_base64`), the
 * size (413 `file_too_large`), then the content, converted by `convert` (422 with the id of the
 * problem: `empty_file`, `not_text` and `unsafe_markdown` for Markdown, `not_text`, `too_large`
 * and `too_deep` for HTML and text, the DocxImportError ids
 * for Word files, `invalid_content`, and `import_too_complex` when the conversion runs past the
 * import worker's deadline or memory limit).
 */
export async function importUpload(
  body: z.output<typeof importBody>,
  maxBytes: number,
  convert: ConvertImport,
): Promise<ImportedFile> {
  const format = formatOf(body.filename);
  const bytes = decodeBase64Upload(body.contentBase64, maxBytes);
  const result = await convert(format, bytes);
  if (!result.ok) throw unprocessable(result.id, result.message);
  return { format, doc: result.doc, warnings: result.warnings };
}
