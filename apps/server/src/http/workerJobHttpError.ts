import { WorkerJobError } from "../workers/WorkerPool";
import { HttpError, serviceUnavailable } from "./errors";

/** Seconds a client is asked to wait when every worker is busy (Retry-After). */
const BUSY_RETRY_SECONDS = 5;

/**
 * A refused or stopped worker job as an HTTP error: `busy` -> 503 `server_busy` with
 * Retry-After, `timeout` -> 504 `<what>_timeout`, `out_of_memory` -> 422 `<what>_too_large`.
 * Other errors (bugs) are returned unchanged, for the error middleware's 500.
 */
export function workerJobHttpError(error: unknown, what: "export" | "matrix" | "import"): unknown {
  if (!(error instanceof WorkerJobError)) return error;
  const noun = { export: "The export", matrix: "The comment matrix", import: "The import" }[what];
  switch (error.reason) {
    case "busy":
    case "closed":
      return serviceUnavailable(
        "server_busy",
        `The server is busy with other exports and imports: try again in ${BUSY_RETRY_SECONDS} seconds`,
        BUSY_RETRY_SECONDS,
      );
    case "timeout":
      return new HttpError(
        504,
        `${what}_timeout`,
        `${noun} took too long and was stopped (${error.message}): export one section at a time, or try again later`,
      );
    case "out_of_memory":
      return new HttpError(
        422,
        `${what}_too_large`,
        `${noun} is too large to produce (${error.message}): export one section at a time`,
      );
  }
}
