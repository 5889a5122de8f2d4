import { readFileSync, statSync } from "node:fs";
import { CliError } from "./CliError";

/** Largest Markdown file accepted for import. */
export const MAX_MARKDOWN_BYTES = 5 * 1024 * 1024;

/**
 * Reads a Markdown file as UTF-8 text, refusing what cannot be a Markdown draft: a missing file, a
 * directory, a file over {@link MAX_MARKDOWN_BYTES}, binary data (NUL bytes) or text that is not
 * valid UTF-8.
 */
export function readMarkdownFile(path: string): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new CliError(`${path} is not a file.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      code === "ENOENT" ? `${path}: no such file.` : `${path}: ${(error as Error).message}`,
    );
  }
  if (size > MAX_MARKDOWN_BYTES) {
    throw new CliError(
      `${path} is ${(size / 1024 / 1024).toFixed(1)} MiB: the limit for a section is ${MAX_MARKDOWN_BYTES / 1024 / 1024} MiB.`,
    );
  }
  const bytes = readFileSync(path);
  if (bytes.includes(0)) throw new CliError(`${path} is a binary file, not Markdown text.`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`${path} is not UTF-8 text: save it as UTF-8 and try again.`);
  }
}
