import { DocxImportError, fromDocx } from "@rapporteur/docx-import";
import { fromMarkdown, MarkdownTooDeepError } from "@rapporteur/markdown";
import { type DocJSON, schema } from "@rapporteur/schema";

/** Formats a section can be imported from, by file extension. */
export type ImportFormat = "markdown" | "docx";

/**
 * The outcome of converting an imported file: the section document with what could not be kept,
 * or why the file is refused (`id` and `message` of a 422 answer). Plain data, so that it can
 * cross from the import worker to the server thread.
 */
export type ImportConversion =
  | { ok: true; doc: DocJSON; warnings: string[] }
  | { ok: false; id: string; message: string };

// Active content is refused outright rather than silently dropped: such a file is hostile or not
// a draft. Other raw HTML is dropped by the converter with a warning.
const ACTIVE_HTML = /<\s*(script|iframe|object|embed|style|applet|frame|frameset)\b/i;

function refused(id: string, message: string): ImportConversion {
  return { ok: false, id, message };
}

function markdownText(bytes: Uint8Array): string | ImportConversion {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return refused(
      "not_text",
      "The file is not UTF-8 text: a Markdown file must be plain text (is it a binary file renamed .md?)",
    );
  }
  if (text.includes("\u0000")) {
    return refused("not_text", "The file holds binary data (NUL bytes): it is not Markdown");
  }
  const active = ACTIVE_HTML.exec(text);
  if (active) {
    const line = text.slice(0, active.index).split("\n").length;
    return refused(
      "unsafe_markdown",
      `The file contains active HTML (<${active[1]?.toLowerCase()}> on line ${line}): remove it and import again`,
    );
  }
  return text;
}

/**
 * Converts the bytes of an imported file into a section document: Markdown (UTF-8 text without
 * active HTML: `not_text`, `unsafe_markdown`; nested too deep: `import_too_deep`) or Word (the {@link DocxImportError} ids), then
 * checked against the editor's schema (`invalid_content`). CPU-bound and possibly slow on hostile
 * input: the server runs it in the import worker (see ImportConverter), never on its own thread.
 * Throws only on a bug; every refusal of the file is a result.
 */
export async function convertImport(
  format: ImportFormat,
  bytes: Uint8Array,
): Promise<ImportConversion> {
  let result: { doc: DocJSON; warnings: string[] };
  if (format === "markdown") {
    const text = markdownText(bytes);
    if (typeof text !== "string") return text;
    try {
      result = fromMarkdown(text);
    } catch (error) {
      if (error instanceof MarkdownTooDeepError) return refused(error.id, error.message);
      throw error;
    }
  } else {
    try {
      result = await fromDocx(bytes);
    } catch (error) {
      if (error instanceof DocxImportError) return refused(error.id, error.message);
      throw error;
    }
  }
  try {
    schema.nodeFromJSON(result.doc).check();
  } catch (error) {
    return refused(
      "invalid_content",
      `The file's content does not fit a section: ${(error as Error).message}`,
    );
  }
  return { ok: true, doc: result.doc, warnings: result.warnings };
}
