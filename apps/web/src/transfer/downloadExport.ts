import { ApiError } from "../api/ApiError";
import { apiUrl } from "../api/apiUrl";
import { readApiError } from "../api/readApiError";
import { reportSessionLost } from "../api/sessionLost";
import { filenameFromDisposition } from "./filenameFromDisposition";

/** What to export: the whole report or one section, as Word, PDF or Markdown. */
export interface ExportRequest {
  format: "docx" | "md" | "pdf";
  variant: "final" | "review";
  sectionId?: string;
  /** A named version's content instead of the current text. */
  version?: number;
  /** The changes since this named version (tracked changes / CriticMarkup) instead. */
  compare?: number;
  /** With `compare`: up to this later version instead of now. */
  to?: number;
}

/** The URL of `GET /api/export` for `request`. */
export function exportUrl({
  format,
  variant,
  sectionId,
  version,
  compare,
  to,
}: ExportRequest): string {
  const query = new URLSearchParams({ format, variant });
  if (sectionId) query.set("section", sectionId);
  if (version !== undefined) query.set("version", String(version));
  if (compare !== undefined) query.set("compare", String(compare));
  if (to !== undefined) query.set("to", String(to));
  return apiUrl("exportReport", {}, query);
}

/**
 * Asks the server for an export and saves the file it answers under the name it suggests.
 * Resolves with that name; throws {@link ApiError} with the server's message when refused.
 */
export async function downloadExport(request: ExportRequest): Promise<string> {
  let response: Response;
  try {
    response = await fetch(exportUrl(request), { credentials: "same-origin" });
  } catch {
    throw new ApiError(
      0,
      "network",
      "The Rapporteur server cannot be reached. Check your connection and retry.",
    );
  }
  if (!response.ok) {
    const error = await readApiError(response);
    if (response.status === 401) reportSessionLost(error.message);
    throw error;
  }
  const fallback = `rapporteur${request.sectionId ? `-${request.sectionId}` : ""}.${request.format}`;
  const filename = filenameFromDisposition(response.headers.get("content-disposition"), fallback);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement("a");
    link.href = url;
    link.download = filename;
    link.rel = "noopener";
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Revoked after the click has started the download.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return filename;
}
