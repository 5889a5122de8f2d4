import { EvidenceImportError } from "./evidenceImportError";

/** The UTF-8 text of a file (a BOM dropped); `not_text` for binary data or another encoding. */
export function decodeText(bytes: Uint8Array, what: string): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new EvidenceImportError(
      "not_text",
      `This ${what} is not UTF-8 text: save it as UTF-8 (CSV UTF-8 in Excel) and import it again.`,
    );
  }
  if (text.includes("\u0000")) {
    throw new EvidenceImportError("not_text", `This ${what} is not text: it holds binary data.`);
  }
  return text;
}
