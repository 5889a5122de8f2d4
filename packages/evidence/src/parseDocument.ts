import { DocxImportError, fromDocx } from "@rapporteur/docx-import";
import type { DocJSON } from "@rapporteur/schema";
import { emptySource } from "./emptySource";
import { EvidenceImportError } from "./evidenceImportError";
import { DEFAULT_EVIDENCE_LIMITS, type EvidenceLimits } from "./evidenceLimits";
import type { ParsedEvidence } from "./parsedEvidence";
import type { SourceInput, SourceKind } from "./source";

/** The formats of a document source. */
export type DocumentFormat = "docx" | "pdf";

const BLOCKS = new Set([
  "paragraph",
  "heading",
  "subheading",
  "listItem",
  "tableCell",
  "footnote",
  "blockquote",
]);

/** The text of a section document: one line per block, footnotes included. */
function docText(node: DocJSON, lines: string[], current: string[]): void {
  if (typeof node.text === "string") current.push(node.text);
  for (const child of node.content ?? []) docText(child as DocJSON, lines, current);
  if (BLOCKS.has(node.type) && current.length > 0) {
    lines.push(current.join("").trim());
    current.length = 0;
  }
}

function titleOf(filename: string): string {
  return (
    filename
      .replace(/^.*[\\/]/, "")
      .replace(/\.[A-Za-z0-9]+$/, "")
      .replace(/[_-]+/g, " ")
      .trim() || "(untitled)"
  );
}

async function pdfText(
  bytes: Uint8Array,
  limits: EvidenceLimits,
): Promise<{ text: string; title: string | null; author: string | null }> {
  if (bytes.length < 5 || new TextDecoder().decode(bytes.subarray(0, 1024)).indexOf("%PDF-") < 0) {
    throw new EvidenceImportError(
      "not_a_pdf",
      "This is not a PDF file (it does not start with %PDF-).",
    );
  }
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = pdfjs.getDocument({
    // A copy, and never a Buffer (pdf.js refuses them).
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    const name = (error as Error).name;
    if (name === "PasswordException") {
      throw new EvidenceImportError(
        "encrypted_pdf",
        "The PDF file is protected by a password: save it without a password and import it again.",
      );
    }
    throw new EvidenceImportError(
      "malformed_file",
      `The PDF file is damaged and cannot be read (${(error as Error).message.slice(0, 200)}).`,
    );
  }
  try {
    if (doc.numPages > limits.maxPages) {
      throw new EvidenceImportError(
        "too_large",
        `The PDF file has ${doc.numPages} pages, more than the ${limits.maxPages} allowed: split it.`,
      );
    }
    const info = (await doc.getMetadata().catch(() => null))?.info as
      | { Title?: string; Author?: string }
      | undefined;
    const pages: string[] = [];
    let chars = 0;
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const content = await page.getTextContent();
      let text = "";
      for (const item of content.items) {
        if (!("str" in item)) continue;
        text += item.str + (item.hasEOL ? "\n" : "");
      }
      page.cleanup();
      chars += text.length;
      if (chars > limits.maxTextChars) {
        throw new EvidenceImportError(
          "too_large",
          `The PDF file holds more than ${limits.maxTextChars} characters of text, over the limit.`,
        );
      }
      pages.push(text.trim());
    }
    return {
      text: pages.join("\n\n"),
      title: info?.Title?.trim() || null,
      author: info?.Author?.trim() || null,
    };
  } finally {
    await doc.destroy();
  }
}

/**
 * A document (a Word .docx through the section importer, a PDF through pdf.js) -> one source of
 * `kind` (document or contribution) holding its text; its title is the file's own title, or
 * else its first line or name. Throws {@link EvidenceImportError}: the Word importer's ids,
 * `not_a_pdf`, `encrypted_pdf`, `malformed_file`, `too_large` (pages, text), `empty_file`.
 */
export async function parseDocument(
  bytes: Uint8Array,
  format: DocumentFormat,
  filename: string,
  kind: SourceKind = "document",
  limits: EvidenceLimits = DEFAULT_EVIDENCE_LIMITS,
): Promise<ParsedEvidence> {
  if (bytes.length === 0)
    throw new EvidenceImportError("empty_file", "The file is empty: there is nothing to import.");
  const warnings: string[] = [];
  let text: string;
  let title: string | null = null;
  let author: string | null = null;
  if (format === "docx") {
    try {
      const { doc } = await fromDocx(bytes, { maxUncompressedBytes: limits.maxUncompressedBytes });
      const lines: string[] = [];
      docText(doc, lines, []);
      text = lines.filter((line) => line !== "").join("\n");
    } catch (error) {
      if (error instanceof DocxImportError) throw new EvidenceImportError(error.id, error.message);
      throw error;
    }
    if (text.length > limits.maxTextChars) {
      throw new EvidenceImportError(
        "too_large",
        `The Word file holds more than ${limits.maxTextChars} characters of text, over the limit.`,
      );
    }
  } else {
    ({ text, title, author } = await pdfText(bytes, limits));
  }
  if (text.trim() === "") {
    warnings.push(
      format === "pdf"
        ? "The PDF file holds no text (a scanned image?): only its name is searchable."
        : "The Word file holds no text.",
    );
  }
  const source: SourceInput = emptySource(
    kind,
    title ??
      text
        .split("\n")
        .find((line) => line.trim() !== "")
        ?.trim()
        .slice(0, 200) ??
      titleOf(filename),
  );
  source.author = author;
  source.text = text;
  return { sources: [source], warnings };
}
