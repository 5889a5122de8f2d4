import type { MastheadLines } from "./docxTemplate";
import type { ExportReport } from "./exportReport";

/** The masthead lines in force: the report's settings over the template's defaults. */
export function mastheadLines(
  report: Pick<ExportReport, "masthead">,
  defaults: MastheadLines,
): MastheadLines {
  const lines: MastheadLines = { ...defaults };
  for (const [key, value] of Object.entries(report.masthead ?? {})) {
    if (value !== undefined) (lines as Record<string, unknown>)[key] = value;
  }
  return lines;
}

/** "Distr.: General" from either "General" or the whole line. */
export function distributionLine(distribution: string): string {
  return /^distr\./i.test(distribution) ? distribution : `Distr.: ${distribution}`;
}
