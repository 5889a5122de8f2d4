/** An answer of the JSON API: status, headers and parsed body (null when empty). */
export interface ApiAnswer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever the API answered.
  body: any;
}

/**
 * Calls `<url>/api<path>` as a signed-in browser would: the session `cookie` (none when null),
 * the site's own `Origin` and, with a body, `Content-Type: application/json`.
 */
export async function callApi(
  url: string,
  cookie: string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiAnswer> {
  const origin = new URL(url).origin;
  const headers: Record<string, string> = { origin };
  if (cookie) headers.cookie = cookie;
  if (method !== "GET" && method !== "HEAD") headers["content-type"] = "application/json";
  const response = await fetch(`${origin}/api${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : null,
  };
}
