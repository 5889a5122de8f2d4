import { DOMParser, type Element } from "@xmldom/xmldom";
import { DocxImportError } from "./docxImportError";

/**
 * Decodes and parses one XML part of the package. Refuses DOCTYPE and entity declarations before
 * parsing (the "billion laughs" attack and external entities have no place in a Word file), and
 * turns every parser error into {@link DocxImportError} `malformed_xml`.
 */
export function parseXml(bytes: Uint8Array, part: string): Element {
  const text = decode(bytes, part);
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new DocxImportError(
      "unsafe_xml",
      `The Word file was refused: its part ${part} declares a DOCTYPE or entities, which Word never writes (a known attack on XML readers).`,
    );
  }
  let root: Element | null = null;
  try {
    const document = new DOMParser({
      locator: true,
      onError(level, message) {
        if (level !== "warning") throw new Error(message);
      },
    }).parseFromString(text, "text/xml");
    root = document.documentElement;
  } catch (error) {
    throw new DocxImportError(
      "malformed_xml",
      `The Word file is damaged: its part ${part} is not well-formed XML (${firstLine(error)}).`,
    );
  }
  if (!root) {
    throw new DocxImportError(
      "malformed_xml",
      `The Word file is damaged: its part ${part} is empty.`,
    );
  }
  return root;
}

function decode(bytes: Uint8Array, part: string): string {
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? "utf-16le"
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? "utf-16be"
        : "utf-8";
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new DocxImportError(
      "malformed_xml",
      `The Word file is damaged: its part ${part} is not text (invalid ${encoding.toUpperCase()}).`,
    );
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split("\n")[0] ?? "").slice(0, 200);
}
