import { type ApiPathName, reportApiPath } from "@rapporteur/api";

/** Where the server mounts the JSON API. */
const API_ROOT = "/api";

/** The report whose routes the app calls: the one open (see {@link scopeApiToReport}). */
let scopedReportId = 1;

/**
 * Makes every later report route ({@link apiUrl}, `apiRequest`, the event stream) call report
 * `reportId` (`/api/reports/<id>/...`). The report's page sets it once when it opens, so that no
 * component passes the report id by hand; instance routes (accounts, the report list) are unchanged.
 */
export function scopeApiToReport(reportId: number): void {
  scopedReportId = reportId;
}

/** The report the API calls go to. */
export function apiReportId(): number {
  return scopedReportId;
}

/**
 * The URL of route `name` of the JSON API (for a request, a download link or an EventSource),
 * with its `:parameters` filled in and an optional query string (without `?`; empty: none).
 * A report's route is the open report's (`/api/reports/<id>/...`).
 */
export function apiUrl(
  name: ApiPathName,
  params?: Record<string, string | number>,
  query?: URLSearchParams | string,
): string {
  const search = query === undefined ? "" : String(query);
  return `${API_ROOT}${reportApiPath(scopedReportId, name, params)}${search ? `?${search}` : ""}`;
}
