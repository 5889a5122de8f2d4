/** Author and date of a change (from @rapporteur/compare; the attribution of comparisons). */

/** The document settings (declared by @rapporteur/api, the web <-> server contract). */
export type { DocumentSettings } from "@rapporteur/api";
export type { ChangeAttribution } from "@rapporteur/compare";
export { type AssembleOptions, assembleExportReport } from "./assembleExportReport";
export { type ComparedSection, compareSection } from "./compareSection";
export {
  DocumentSettingsStore,
  documentSettingsDefaults,
} from "./DocumentSettingsStore";
export {
  type DocumentSettingsChange,
  documentSettingsChangeSchema,
} from "./documentSettingsSchema";
export { docxToPdf, findSoffice, PDF_TIMEOUT_MS, PdfConversionError } from "./docxToPdf";
export { type EmblemImage, EmblemImageError, emblemImage } from "./emblemImage";
export { exportComments } from "./exportComments";
export { exportFileName } from "./exportFileName";
export {
  attributionBySection,
  type ChangeHistory,
  type ComparisonInterval,
  fallbackAttribution,
  sectionAttribution,
} from "./historyAttribution";
export {
  PREFLIGHT_CHECKS,
  type PreflightCheck,
  type PreflightInput,
  type PreflightSection,
  preflight,
} from "./preflight";
export { type ExportRecord, recordExport } from "./recordExport";
export {
  type ComparisonFile,
  type ComparisonRequest,
  renderComparison,
} from "./renderComparison";
export {
  type ExportFormat,
  type ExportSelection,
  type RenderExportOptions,
  renderExport,
} from "./renderExport";
