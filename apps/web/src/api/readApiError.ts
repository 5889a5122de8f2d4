import { ApiError } from "./ApiError";

/** Turns a non-2xx answer into an {@link ApiError} carrying the server's `{ error: { id, message } }`. */
export async function readApiError(response: Response): Promise<ApiError> {
  let id = `http_${response.status}`;
  let message = `The server answered HTTP ${response.status}.`;
  try {
    const body = (await response.json()) as { error?: { id?: unknown; message?: unknown } };
    if (typeof body.error?.id === "string") id = body.error.id;
    if (typeof body.error?.message === "string") message = body.error.message;
  } catch {
    // Not JSON (a proxy's error page): keep the generic message.
  }
  const retryAfter = Number(response.headers.get("retry-after"));
  return new ApiError(
    response.status,
    id,
    message,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  );
}
