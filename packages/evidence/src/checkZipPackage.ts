import { DEFAULT_DOCX_LIMITS, DocxImportError, DocxPackage } from "@rapporteur/docx-import";
import { EvidenceImportError } from "./evidenceImportError";

/**
 * Inflates every part of an Office package (ZIP) under the Word importer's hostile-file limits
 * (declared sizes, actual inflated bytes, ratio, number of entries), so that a zip bomb is
 * refused before a library that trusts the package reads it. `what` names the file in messages
 * ("Excel file"). Throws {@link EvidenceImportError} with the Word importer's ids.
 */
export async function checkZipPackage(
  bytes: Uint8Array,
  maxUncompressedBytes: number,
  what: string,
): Promise<void> {
  const limits = {
    ...DEFAULT_DOCX_LIMITS,
    maxUncompressedBytes,
    maxPartBytes: Math.min(maxUncompressedBytes, 50 * 1024 * 1024),
  };
  try {
    const pkg = await DocxPackage.open(bytes, limits);
    for (const path of pkg.paths()) await pkg.bytes(path);
  } catch (error) {
    if (error instanceof DocxImportError) {
      const message = error.message
        .replaceAll("Word .docx file", what)
        .replaceAll("a .docx is", "it is")
        .replaceAll("Word file", what)
        .replaceAll(".docx", "");
      throw new EvidenceImportError(
        error.id === "not_a_docx" ? "malformed_file" : error.id,
        message,
      );
    }
    throw error;
  }
}
