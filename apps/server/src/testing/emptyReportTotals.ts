import type { ReportTotals } from "@rapporteur/api";

/** The report's totals before anyone writes, with the budgets of content/outline.yaml. */
export const EMPTY_REPORT_TOTALS: ReportTotals = {
  words: 0,
  footnoteWords: 0,
  budget: 35_000,
  targetRange: { min: 30_000, max: 40_000 },
  counted: 0,
  allocationWarning: null,
};
