import type { ApiAnswer } from "../support/callApi";
import { callApi } from "../support/callApi";

/** A file answered by `GET /api/export`, or the error body when it was refused. */
export interface ExportAnswer {
  status: number;
  headers: Headers;
  bytes: Buffer;
  /** The body as UTF-8 text (Markdown, or a JSON error). */
  text: string;
}

/** `GET /api/export?<query>` as a signed-in browser would (cookie only: a GET needs no Origin). */
export async function exportFile(
  url: string,
  cookie: string | null,
  query: string,
): Promise<ExportAnswer> {
  const response = await fetch(`${new URL(url).origin}/api/export?${query}`, {
    headers: cookie ? { cookie } : {},
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    headers: response.headers,
    bytes,
    text: bytes.toString("utf8"),
  };
}

/** `POST /api/sections/<id>/import` with `{ filename, contentBase64 }`. */
export function importFile(
  url: string,
  cookie: string,
  sectionId: string,
  filename: string,
  content: string | Uint8Array,
): Promise<ApiAnswer> {
  return callApi(url, cookie, "POST", `/sections/${sectionId}/import`, {
    filename,
    contentBase64: Buffer.from(content).toString("base64"),
  });
}

/** Calls `read` every 50 ms until `accept` holds for its result; fails after `timeoutMs`. */
export async function pollUntil<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
