export { DocxImportError, type DocxImportErrorId } from "./docxImportError";
export { DEFAULT_DOCX_LIMITS, type DocxLimits, DocxPackage } from "./docxPackage";
export { type DocxImportOptions, type DocxImportResult, fromDocx } from "./fromDocx";
export {
  type DocxReview,
  type ReviewChange,
  type ReviewComment,
  type ReviewReply,
  readDocxReview,
} from "./readDocxReview";
