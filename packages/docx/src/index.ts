export { DocxExportError } from "./docxExportError";
export {
  type DocxTemplate,
  DocxTemplateError,
  docxTemplateSchema,
  parseDocxTemplate,
} from "./docxTemplate";
export type { DocxExportOptions, ExportComment, ExportReport } from "./exportReport";
export { DEFAULT_DOCX_TEMPLATE_PATH, loadDocxTemplate } from "./loadDocxTemplate";
export { type NodeHandler, nodeHandlers } from "./nodeHandlers";
export { toDocx } from "./toDocx";
