/** Author and date of a change (from @rapporteur/compare; the attribution of comparisons). */
export type { ChangeAttribution } from "@rapporteur/compare";
export { type AssembleOptions, assembleExportReport } from "./assembleExportReport";
export { type ComparedSection, compareSection } from "./compareSection";
export { exportComments } from "./exportComments";
export { exportFileName } from "./exportFileName";
export {
  attributionBySection,
  type ChangeHistory,
  type ComparisonInterval,
  fallbackAttribution,
  sectionAttribution,
} from "./historyAttribution";
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
