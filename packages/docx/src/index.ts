export { DocxExportError } from "./docxExportError";
export {
  type DocxTemplate,
  DocxTemplateError,
  docxTemplateSchema,
  type MastheadLines,
  parseDocxTemplate,
} from "./docxTemplate";
export type {
  DocxExportOptions,
  ExportComment,
  ExportImage,
  ExportReport,
} from "./exportReport";
export { DEFAULT_DOCX_TEMPLATE_PATH, loadDocxTemplate } from "./loadDocxTemplate";
export { type NodeHandler, nodeHandlers } from "./nodeHandlers";
export { toDocx } from "./toDocx";
