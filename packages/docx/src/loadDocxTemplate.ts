import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { type DocxTemplate, DocxTemplateError, parseDocxTemplate } from "./docxTemplate";

/** Path of the UN Secretariat template shipped in `templates/`. */
export const DEFAULT_DOCX_TEMPLATE_PATH = fileURLToPath(
  new URL("../../../templates/un-secretariat.yaml", import.meta.url),
);

/** Reads and validates a YAML template file (Node only). Throws {@link DocxTemplateError}. */
export function loadDocxTemplate(path: string = DEFAULT_DOCX_TEMPLATE_PATH): DocxTemplate {
  let raw: unknown;
  try {
    raw = parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new DocxTemplateError(`${path}: not a readable YAML file: ${(error as Error).message}`);
  }
  return parseDocxTemplate(raw, path);
}
