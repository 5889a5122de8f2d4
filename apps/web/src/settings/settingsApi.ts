import type { DocumentSettings, DocumentSettingsView, PreflightView } from "@rapporteur/api";
import { apiRequest } from "../api/apiRequest";

/** Loads the document settings (`GET /api/report/settings`). */
export function fetchDocumentSettings(signal?: AbortSignal): Promise<DocumentSettingsView> {
  return apiRequest("documentSettings", { signal });
}

/** Editors: changes some document settings; the server validates and says why it refuses. */
export function updateDocumentSettings(
  change: Partial<DocumentSettings>,
): Promise<DocumentSettingsView> {
  return apiRequest("updateDocumentSettings", { body: change });
}

/** Editors: sets the masthead's emblem from a PNG or JPEG file's bytes in base64. */
export function uploadEmblem(contentBase64: string): Promise<DocumentSettingsView> {
  return apiRequest("uploadEmblem", { body: { contentBase64 } });
}

/** Editors: removes the masthead's emblem. */
export function deleteEmblem(): Promise<DocumentSettingsView> {
  return apiRequest("deleteEmblem");
}

/** What the server finds to check before the final export (`GET /api/export/preflight`). */
export function fetchPreflight(): Promise<PreflightView> {
  return apiRequest("exportPreflight");
}
