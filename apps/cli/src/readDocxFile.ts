import { DocxImportError, type DocxImportResult, fromDocx } from "@rapporteur/docx-import";
import { CliError } from "./CliError";
import { readInputFile } from "./readInputFile";

/** Largest Word file accepted for import (the server's default RAPPORTEUR_MAX_IMPORT_BYTES). */
export const MAX_DOCX_BYTES = 15 * 1024 * 1024;

/**
 * Reads a Word `.docx` file into a section document with its warnings. A file that is not a
 * readable Word document (junk, truncated, a zip bomb, unsafe XML...) is a {@link CliError} with
 * the converter's explanation.
 */
export async function readDocxFile(path: string): Promise<DocxImportResult> {
  const bytes = readInputFile(path, MAX_DOCX_BYTES);
  try {
    return await fromDocx(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    if (error instanceof DocxImportError) {
      throw new CliError(`${path} cannot be imported: ${error.message}`);
    }
    throw error;
  }
}
