/**
 * The outlines a new report may start from, declared once (browser-safe: `@rapporteur/api`
 * re-exports them, `reportTemplates` of `@rapporteur/outline` loads each one).
 */
export const REPORT_TEMPLATE_IDS = ["wsis20-review", "wsis-annual-progress", "blank"] as const;

/** A report template's id: the WSIS+20 Annex 1 outline, the annual WSIS progress report, blank. */
export type ReportTemplateId = (typeof REPORT_TEMPLATE_IDS)[number];

/** The template of the instance's first report (a single-report install's outline). */
export const FIRST_REPORT_TEMPLATE: ReportTemplateId = "wsis20-review";

/** True when `value` names a report template. */
export function isReportTemplateId(value: unknown): value is ReportTemplateId {
  return typeof value === "string" && (REPORT_TEMPLATE_IDS as readonly string[]).includes(value);
}
