/** Author and date of a change, and a step of a section's history (from @rapporteur/compare). */

/** The document settings (declared by @rapporteur/api, the web <-> server contract). */
export type { DocumentSettings } from "@rapporteur/api";
export type { AttributedStep, ChangeAttribution } from "@rapporteur/compare";
export { applyStoredUpdate } from "./applyStoredUpdate";
export {
  type AssembleOptions,
  assembleExportReport,
  citationTexts,
  citedSourceIds,
} from "./assembleExportReport";
export {
  type CapturedEmblem,
  captureDocumentSettings,
  capturedEmblem,
} from "./captureDocumentSettings";
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
  historySteps,
  MAX_STEPS,
  type SectionSteps,
  type StepPoint,
  type StepState,
  type StepUpdate,
  stepPoints,
} from "./historySteps";
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
export {
  type BlockNumberingInput,
  type NumberingInput,
  numberBlockLists,
  reportNumbering,
} from "./reportNumbering";
export { type StepHistory, sectionStepsInput } from "./sectionStepsInput";
