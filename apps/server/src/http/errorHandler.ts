import type { ErrorRequestHandler } from "express";
import type { Logger } from "../Logger";
import { badRequest, HttpError, internalError, payloadTooLarge } from "./errors";

/** Errors from express.json() carry a `type` and a status. */
function bodyParserError(error: unknown): HttpError | null {
  const type = (error as { type?: unknown }).type;
  if (type === "entity.parse.failed")
    return badRequest("malformed_json", "The request body is not valid JSON");
  if (type === "entity.too.large")
    return payloadTooLarge("body_too_large", "The request body is too large");
  if (
    (typeof type === "string" && type.startsWith("encoding.")) ||
    type === "charset.unsupported"
  ) {
    return new HttpError(415, "unsupported_encoding", "The request body encoding is not supported");
  }
  if (type === "request.aborted" || type === "request.size.invalid") {
    return badRequest("malformed_body", "The request body is incomplete");
  }
  return null;
}

/**
 * The one error middleware: answers `{ error: { id, message } }` with the error's status. Unknown
 * errors are logged with their stack and answered 500 without details.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, request, response, next) => {
    if (response.headersSent) {
      next(error);
      return;
    }
    let httpError = error instanceof HttpError ? error : bodyParserError(error);
    if (!httpError) {
      logger.error(`${request.method} ${request.originalUrl} failed`, error);
      httpError = internalError();
    }
    for (const [name, value] of Object.entries(httpError.headers)) response.setHeader(name, value);
    response.status(httpError.status).json(httpError.toJSON());
  };
}
