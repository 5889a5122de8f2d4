/**
 * The files a section can be imported from, by extension: the server's check of an upload and the
 * web's file picker both read this table, so they never disagree.
 */
export const IMPORT_FORMATS = {
  md: "markdown",
  markdown: "markdown",
  docx: "docx",
  html: "html",
  htm: "html",
  txt: "text",
} as const;

/** A format a section can be imported from. */
export type ImportFormat = (typeof IMPORT_FORMATS)[keyof typeof IMPORT_FORMATS];

/** The importable files in words, for messages: "Markdown (.md), Word (.docx), …". */
export const IMPORT_FILES_DESCRIPTION =
  "Markdown (.md), Word (.docx), web page (.html, .htm) or text (.txt)";

/** The format of `filename` by its extension (any case), or null when it cannot be imported. */
export function importFormatOf(filename: string): ImportFormat | null {
  const extension = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase();
  if (extension === undefined || !Object.hasOwn(IMPORT_FORMATS, extension)) return null;
  return IMPORT_FORMATS[extension as keyof typeof IMPORT_FORMATS];
}
