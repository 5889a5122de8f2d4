import { API_METHODS, type ApiAnswers, type ApiPathName } from "@rapporteur/api";
import { ApiError } from "./ApiError";
import { apiUrl } from "./apiUrl";
import { readApiError } from "./readApiError";
import { reportSessionLost } from "./sessionLost";

/** Options of {@link apiRequest}. */
export interface ApiRequestOptions {
  /** Values of the route's `:parameters`. */
  params?: Record<string, string | number>;
  /** The query string, without `?` (e.g. a `URLSearchParams`). */
  query?: URLSearchParams | string;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /** Whether a 401 means the session has ended (false for the sign-in request itself). */
  sessionRequired?: boolean;
}

/**
 * Calls route `name` of the JSON API (path and method from `@rapporteur/api`) with the session
 * cookie and returns its parsed answer (null for 204). State-changing requests are sent as JSON
 * with this page's Origin, as the server's CSRF check requires. Throws {@link ApiError} with the
 * server's message on refusal; a 401 also tells the app the session is gone.
 */
export async function apiRequest<N extends ApiPathName>(
  name: N,
  options: ApiRequestOptions = {},
): Promise<ApiAnswers[N]> {
  const { params, query, body, signal, sessionRequired = true } = options;
  const method = API_METHODS[name];
  const changesState = method !== "GET";
  let response: Response;
  try {
    response = await fetch(apiUrl(name, params, query), {
      method,
      signal,
      credentials: "same-origin",
      // The app is served with Referrer-Policy: no-referrer, under which Chromium would send
      // `Origin: null` on a same-origin POST; this request's own policy keeps the real Origin.
      referrerPolicy: "same-origin",
      headers: {
        accept: "application/json",
        ...(changesState ? { "content-type": "application/json" } : {}),
      },
      body: changesState ? JSON.stringify(body ?? {}) : undefined,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(
      0,
      "network",
      "The Rapporteur server cannot be reached. Check your connection and retry.",
    );
  }
  if (!response.ok) {
    const error = await readApiError(response);
    if (response.status === 401 && sessionRequired) reportSessionLost(error.message);
    throw error;
  }
  if (response.status === 204) return null as ApiAnswers[N];
  const text = await response.text();
  return (text ? JSON.parse(text) : null) as ApiAnswers[N];
}
