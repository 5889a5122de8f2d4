/** What one export run in a child process measured (exportWorker.ts -> export.ts). */
export interface ExportMeasurement {
  format: "docx" | "markdown";
  /** Words of the report's body and of its footnotes, by @rapporteur/wordcount. */
  bodyWords: number;
  footnoteWords: number;
  /** First conversion in the process (modules loaded, nothing warmed up). */
  coldMs: number;
  /** Median of the following conversions. */
  warmMs: number;
  /** RSS before the first conversion, after a GC (bytes). */
  baselineRss: number;
  /** Peak RSS (VmHWM, reset just before) during the first conversion (bytes). */
  peakRss: number;
  outputBytes: number;
}
