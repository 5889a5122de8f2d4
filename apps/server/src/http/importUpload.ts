import { DocxImportError, fromDocx } from "@rapporteur/docx-import";
import { fromMarkdown } from "@rapporteur/markdown";
import { type DocJSON, schema } from "@rapporteur/schema";
import { z } from "zod";
import { badRequest, HttpError, payloadTooLarge } from "./errors";

/** Body of `POST /api/sections/:id/import`: the file's name and its bytes in base64. */
export const importBody = z
  .object({
    filename: z.string().trim().min(1).max(255),
    contentBase64: z.string(),
  })
  .strict();

/** Formats a section can be imported from, by file extension. */
export type ImportFormat = "markdown" | "docx";

/** An uploaded file turned into a section document. */
export interface ImportedFile {
  format: ImportFormat;
  doc: DocJSON;
  /** What could not be kept, one sentence each (never dropped silently). */
  warnings: string[];
}

/** 422: the file was received but cannot be imported. */
const unprocessable = (id: string, message: string) => new HttpError(422, id, message);

// Active content is refused outright rather than silently dropped: such a file is hostile or not
// a draft. Other raw HTML is dropped by the converter with a warning.
const ACTIVE_HTML = /<\s*(script|iframe|object|embed|style|applet|frame|frameset)\b/i;
const DATA_URL_PREFIX = /^data:[^,]*;base64,/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function formatOf(filename: string): ImportFormat {
  const extension = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase();
  if (extension === "md" || extension === "markdown") return "markdown";
  if (extension === "docx") return "docx";
  throw badRequest(
    "unsupported_file_type",
    `Cannot import '${filename}': only Markdown (.md) and Word (.docx) files can be imported`,
  );
}

function decode(contentBase64: string, maxBytes: number): Uint8Array {
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

function markdownText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw unprocessable(
      "not_text",
      "The file is not UTF-8 text: a Markdown file must be plain text (is it a binary file renamed .md?)",
    );
  }
  if (text.includes("\u0000")) {
    throw unprocessable("not_text", "The file holds binary data (NUL bytes): it is not Markdown");
  }
  const active = ACTIVE_HTML.exec(text);
  if (active) {
    const line = text.slice(0, active.index).split("\n").length;
    throw unprocessable(
      "unsafe_markdown",
      `The file contains active HTML (<${active[1]?.toLowerCase()}> on line ${line}): remove it and import again`,
    );
  }
  return text;
}

/**
 * Turns an uploaded file into a section document, checking everything before anything is
 * changed: the extension (400 `unsupported_file_type`), the base64 (400 `invalid_base64`), the
 * size (413 `file_too_large`), then the content (422 with the id of the problem: `empty_file`,
 * `not_text` and `unsafe_markdown` for Markdown, the {@link DocxImportError} ids for Word files).
 */
export async function importUpload(
  body: z.output<typeof importBody>,
  maxBytes: number,
): Promise<ImportedFile> {
  const format = formatOf(body.filename);
  const bytes = decode(body.contentBase64, maxBytes);
  let result: { doc: DocJSON; warnings: string[] };
  if (format === "markdown") {
    result = fromMarkdown(markdownText(bytes));
  } else {
    try {
      result = await fromDocx(bytes);
    } catch (error) {
      if (error instanceof DocxImportError) throw unprocessable(error.id, error.message);
      throw error;
    }
  }
  try {
    schema.nodeFromJSON(result.doc).check();
  } catch (error) {
    throw unprocessable(
      "invalid_content",
      `The file's content does not fit a section: ${(error as Error).message}`,
    );
  }
  return { format, ...result };
}
