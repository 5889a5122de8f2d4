/** A refused or failed API request: HTTP status, the server's stable error id and its message. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
    /** Seconds from the `Retry-After` header of a 429, if any. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}
