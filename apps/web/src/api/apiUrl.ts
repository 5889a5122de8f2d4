import { type ApiPathName, apiPath } from "@rapporteur/api";

/** Where the server mounts the JSON API. */
const API_ROOT = "/api";

/**
 * The URL of route `name` of the JSON API (for a request, a download link or an EventSource),
 * with its `:parameters` filled in and an optional query string (without `?`; empty: none).
 */
export function apiUrl(
  name: ApiPathName,
  params?: Record<string, string | number>,
  query?: URLSearchParams | string,
): string {
  const search = query === undefined ? "" : String(query);
  return `${API_ROOT}${apiPath(name, params)}${search ? `?${search}` : ""}`;
}
