import type { Report } from "./reportTypes";

/** Loads the report outline and counts; throws an Error with a readable message on failure. */
export async function fetchReport(signal?: AbortSignal): Promise<Report> {
  let response: Response;
  try {
    response = await fetch("/api/report", { signal, headers: { accept: "application/json" } });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new Error("The Rapporteur server cannot be reached. Check your connection and retry.");
  }
  if (!response.ok) {
    throw new Error(`The server could not load the report (HTTP ${response.status}).`);
  }
  const report = (await response.json()) as Report;
  if (!Array.isArray(report.sections) || !Array.isArray(report.parts)) {
    throw new Error("The server sent a report in an unexpected format.");
  }
  return report;
}
