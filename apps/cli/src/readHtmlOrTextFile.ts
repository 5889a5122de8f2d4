import { fromHtml, fromPlainText, HtmlImportError, MAX_HTML_CHARS } from "@rapporteur/html-import";
import type { DocJSON } from "@rapporteur/schema";
import { CliError } from "./CliError";
import { readInputFile } from "./readInputFile";

/** Largest HTML or text file accepted for import (bytes; the converters also cap characters). */
export const MAX_HTML_BYTES = MAX_HTML_CHARS;

/**
 * Reads a web page (`.html`, `.htm`: a page saved from a browser or Word) or a plain text file
 * (`.txt`) into a section document with its warnings. A file that is not UTF-8 text, holds binary
 * data, or that the converter refuses (too large, nested too deeply) is a {@link CliError}.
 */
export function readHtmlOrTextFile(
  path: string,
  kind: "html" | "text",
): { doc: DocJSON; warnings: string[] } {
  const bytes = readInputFile(path, MAX_HTML_BYTES);
  if (bytes.includes(0)) throw new CliError(`${path} is a binary file, not text.`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`${path} is not UTF-8 text: save it as UTF-8 and try again.`);
  }
  try {
    return kind === "html" ? fromHtml(text) : fromPlainText(text);
  } catch (error) {
    if (error instanceof HtmlImportError) {
      throw new CliError(`${path} cannot be imported: ${error.message}`);
    }
    throw error;
  }
}
