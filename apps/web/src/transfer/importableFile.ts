import { IMPORT_FILES_DESCRIPTION, IMPORT_FORMATS } from "@rapporteur/api";

/** Largest file the browser sends for import (the server has its own, stricter limits). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** File types a section can be imported from, for the file picker's `accept`: the server's list. */
export const IMPORT_ACCEPT = Object.keys(IMPORT_FORMATS)
  .map((extension) => `.${extension}`)
  .join(",");

/** The files a picker takes: their names, and what the user is told another file is not. */
export interface ImportableFiles {
  pattern: RegExp;
  description: string;
}

/** Drafts that "Import into this section…" replaces the section with. */
export const SECTION_FILES: ImportableFiles = {
  pattern: new RegExp(`\\.(${Object.keys(IMPORT_FORMATS).join("|")})$`, "i"),
  description: `a ${IMPORT_FILES_DESCRIPTION} file`,
};

/** Reviewed Word files: only Word files carry tracked changes and comments. */
export const REVIEW_FILES: ImportableFiles = {
  pattern: /\.docx$/i,
  description: "a Word file (.docx): only Word files carry tracked changes and comments",
};

/** Why `file` cannot be imported as `kind`, or null when it can be sent. */
export function importProblem(
  file: { name: string; size: number },
  kind: ImportableFiles = SECTION_FILES,
): string | null {
  if (!kind.pattern.test(file.name)) return `“${file.name}” is not ${kind.description}.`;
  if (file.size === 0) return `“${file.name}” is empty.`;
  if (file.size > MAX_IMPORT_BYTES) {
    return `“${file.name}” is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`;
  }
  return null;
}
