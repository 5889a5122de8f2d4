/** Thrown when a report cannot be exported, e.g. a node type the converter does not know. */
export class DocxExportError extends Error {
  override name = "DocxExportError";
}
