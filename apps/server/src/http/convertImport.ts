import type { ImportFormat } from "@rapporteur/api";
import { DocxImportError, fromDocx } from "@rapporteur/docx-import";
import { fromHtml, fromPlainText, HtmlImportError, withoutAppLinks } from "@rapporteur/html-import";
import { fromMarkdown, MarkdownTooDeepError } from "@rapporteur/markdown";
import { type DocJSON, schema } from "@rapporteur/schema";

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

function utf8Text(bytes: Uint8Array, what: string): string | ImportConversion {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return refused(
      "not_text",
      `The file is not UTF-8 text: a ${what} file must be text saved as UTF-8 (is it a binary file renamed?)`,
    );
  }
  if (text.includes("\u0000")) {
    return refused("not_text", `The file holds binary data (NUL bytes): it is not ${what}`);
  }
  return text;
}

// windows-1252 characters 0x80-0x9f (Node's decoder reads them as latin-1 control characters).
const CP1252 =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

// Word's "Save as Web Page" writes windows-1252 unless told otherwise, and says so in a meta tag.
function htmlText(bytes: Uint8Array): string | ImportConversion {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  const charset = /<meta[^>]*charset=["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (charset && /^(windows-1252|iso-8859-1|latin1|us-ascii)$/.test(charset)) {
    return new TextDecoder("latin1")
      .decode(bytes)
      .replace(/[\u0080-\u009f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80]!);
  }
  return utf8Text(bytes, "HTML");
}

function markdownText(bytes: Uint8Array): string | ImportConversion {
  const text = utf8Text(bytes, "Markdown");
  if (typeof text !== "string") return text;
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
 * active HTML: `not_text`, `unsafe_markdown`; nested too deep: `import_too_deep`), Word (the
 * {@link DocxImportError} ids), HTML or plain text (`not_text`, and the HtmlImportError ids:
 * `too_large`, `too_deep`), then
 * checked against the editor's schema (`invalid_content`). Links to `appOrigins` (the app's own
 * addresses) are removed, their text kept, as paste does. CPU-bound and possibly slow on hostile
 * input: the server runs it in the import worker (see ImportConverter), never on its own thread.
 * Throws only on a bug; every refusal of the file is a result.
 */
export async function convertImport(
  format: ImportFormat,
  bytes: Uint8Array,
  appOrigins: readonly string[] = [],
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
  } else if (format === "html" || format === "text") {
    const text = format === "html" ? htmlText(bytes) : utf8Text(bytes, "text");
    if (typeof text !== "string") return text;
    try {
      result = format === "html" ? fromHtml(text) : fromPlainText(text);
    } catch (error) {
      if (error instanceof HtmlImportError) return refused(error.id, error.message);
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
  const local = withoutAppLinks(result.doc, appOrigins);
  const warnings = [...result.warnings];
  if (local.removed > 0) {
    warnings.push(`${local.removed} link(s) to this app removed (their text is kept).`);
  }
  return { ok: true, doc: local.doc, warnings };
}
