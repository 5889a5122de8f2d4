import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * Writes `bytes` to `path` through a temporary file in the same directory, flushed to disk and
 * renamed over `path`: readers see the old file or the whole new one, never a partial file.
 */
export function writeFileAtomically(path: string, bytes: Uint8Array): void {
  const temporary = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  try {
    const fd = openSync(temporary, "w", 0o644);
    try {
      let written = 0;
      while (written < bytes.byteLength) {
        written += writeSync(fd, bytes, written, bytes.byteLength - written);
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
