import { readFileSync, statSync } from "node:fs";
import { CliError } from "./CliError";

/**
 * Reads a file to import, refusing a missing file, a directory and a file over `maxBytes`
 * (the message names the limit) before reading a byte of it.
 */
export function readInputFile(path: string, maxBytes: number): Buffer {
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
  if (size > maxBytes) {
    throw new CliError(
      `${path} is ${(size / 1024 / 1024).toFixed(1)} MiB: the limit for a section is ${maxBytes / 1024 / 1024} MiB.`,
    );
  }
  return readFileSync(path);
}
