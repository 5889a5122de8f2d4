/** JSON body of every error answer: `{ error: { id, message } }`. */
export interface ErrorBody {
  error: { id: string; message: string };
}

/**
 * An error with an HTTP status, a stable machine-readable id (`section_not_found`) and a message
 * for people. Thrown by routes, turned into JSON by the one error middleware.
 */
export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
    /** Headers sent with the answer (e.g. `Retry-After`). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }

  /** The JSON body sent to the client. */
  toJSON(): ErrorBody {
    return { error: { id: this.id, message: this.message } };
  }
}

/** 400: the request is malformed. */
export const badRequest = (id: string, message: string) => new HttpError(400, id, message);
/** 401: no valid session. */
export const unauthorized = (id: string, message: string) => new HttpError(401, id, message);
/** 403: signed in, but not allowed. */
export const forbidden = (id: string, message: string) => new HttpError(403, id, message);
/** 404: no such resource. */
export const notFound = (id: string, message: string) => new HttpError(404, id, message);
/** 409: the request conflicts with the current state. */
export const conflict = (id: string, message: string) => new HttpError(409, id, message);
/** 413: the body is larger than allowed. */
export const payloadTooLarge = (id: string, message: string) => new HttpError(413, id, message);
/** 426: this URL speaks WebSocket only. */
export const upgradeRequired = (id: string, message: string) => new HttpError(426, id, message);
/** 429: too many attempts; send `Retry-After` with it. */
export const tooManyRequests = (id: string, message: string) => new HttpError(429, id, message);
/** 503: the server is busy; the client may retry after `retryAfterSeconds` (Retry-After). */
export const serviceUnavailable = (id: string, message: string, retryAfterSeconds: number) =>
  new HttpError(503, id, message, { "Retry-After": String(retryAfterSeconds) });
/** 500: the server failed; the message never carries internals. */
export const internalError = () =>
  new HttpError(500, "internal_error", "The server failed to handle the request");
