import { CliError } from "./CliError";
import { readInputFile } from "./readInputFile";

/** Largest Markdown file accepted for import. */
export const MAX_MARKDOWN_BYTES = 5 * 1024 * 1024;

/**
 * Reads a Markdown file as UTF-8 text, refusing what cannot be a Markdown draft: a missing file, a
 * directory, a file over {@link MAX_MARKDOWN_BYTES}, binary data (NUL bytes) or text that is not
 * valid UTF-8.
 */
export function readMarkdownFile(path: string): string {
  const bytes = readInputFile(path, MAX_MARKDOWN_BYTES);
  if (bytes.includes(0)) throw new CliError(`${path} is a binary file, not Markdown text.`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`${path} is not UTF-8 text: save it as UTF-8 and try again.`);
  }
}
