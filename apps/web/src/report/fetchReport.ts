import type { ReportView } from "@rapporteur/api";
import { apiRequest } from "../api/apiRequest";

/** Loads the report outline, counts and workflow; throws an Error with a readable message. */
export async function fetchReport(signal?: AbortSignal): Promise<ReportView> {
  const report = await apiRequest("report", { signal });
  if (!Array.isArray(report?.sections) || !Array.isArray(report.parts)) {
    throw new Error("The server sent a report in an unexpected format.");
  }
  return report;
}
