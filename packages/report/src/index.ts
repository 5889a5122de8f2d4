export { type AssembleOptions, assembleExportReport } from "./assembleExportReport";
export { exportComments } from "./exportComments";
export { exportFileName } from "./exportFileName";
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
