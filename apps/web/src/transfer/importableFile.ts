/** Largest file the browser sends for import (the server has its own, stricter limits). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** File types a section can be imported from, for the file picker's `accept`. */
export const IMPORT_ACCEPT =
  ".md,.markdown,.docx,text/markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Why `file` cannot be imported, or null when it can be sent. */
export function importProblem(file: { name: string; size: number }): string | null {
  if (!/\.(md|markdown|docx)$/i.test(file.name)) {
    return `“${file.name}” is not a Markdown (.md) or Word (.docx) file.`;
  }
  if (file.size === 0) return `“${file.name}” is empty.`;
  if (file.size > MAX_IMPORT_BYTES) {
    return `“${file.name}” is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`;
  }
  return null;
}
