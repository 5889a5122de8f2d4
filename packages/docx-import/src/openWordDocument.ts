import type { Element } from "@xmldom/xmldom";
import { DocxImportError } from "./docxImportError";
import { DEFAULT_DOCX_LIMITS, DocxPackage } from "./docxPackage";
import {
  parseRelationships,
  type Relationships,
  relationshipsPath,
  targetOfType,
} from "./relationships";
import { nameOf } from "./wordElement";

/** A Word package opened for reading, with its main document part. */
export interface WordDocument {
  pkg: DocxPackage;
  /** Path of the main document part (usually `word/document.xml`). */
  documentPath: string;
  /** Its `w:document` element. */
  root: Element;
  /** The relationships of the main document part. */
  links: Relationships;
  /** The path of a part the document links to by `type`, or its conventional `name` beside it. */
  partPath(type: string, name: string): string;
}

/**
 * Opens `data` as a Word package under the limits (at most `maxUncompressedBytes` inflated in
 * all; default 50 MiB) and finds its main document. Throws {@link DocxImportError}.
 */
export async function openWordDocument(
  data: Uint8Array,
  maxUncompressedBytes = DEFAULT_DOCX_LIMITS.maxUncompressedBytes,
): Promise<WordDocument> {
  const pkg = await DocxPackage.open(data, {
    ...DEFAULT_DOCX_LIMITS,
    maxUncompressedBytes,
    maxPartBytes: Math.min(DEFAULT_DOCX_LIMITS.maxPartBytes, maxUncompressedBytes),
  });
  const packageLinks = parseRelationships(await pkg.xml("_rels/.rels"), "");
  const documentPath = targetOfType(packageLinks, "officeDocument") ?? "word/document.xml";
  const root = pkg.has(documentPath) ? await pkg.xml(documentPath) : undefined;
  if (!root || nameOf(root) !== "w:document") throw missingDocument(pkg.paths());
  const links = parseRelationships(await pkg.xml(relationshipsPath(documentPath)), documentPath);
  return {
    pkg,
    documentPath,
    root,
    links,
    partPath: (type, name) => targetOfType(links, type) ?? documentPath.replace(/[^/]*$/, name),
  };
}

function missingDocument(paths: string[]): DocxImportError {
  const has = (prefix: string) => paths.some((path) => path.startsWith(prefix));
  const kind = has("xl/")
    ? " (it looks like an Excel workbook)"
    : has("ppt/")
      ? " (it looks like a PowerPoint presentation)"
      : paths.includes("mimetype") || paths.includes("content.xml")
        ? " (it looks like an OpenDocument file: save it from your word processor as .docx)"
        : "";
  return new DocxImportError(
    "missing_document",
    `This ZIP file holds no Word document (word/document.xml)${kind}.`,
  );
}
