import { ApiError } from "../api/ApiError";
import { errorMessage } from "../api/errorMessage";

/** What a refused change of the outline tells the editor (a 409: someone changed it meanwhile). */
export function outlineChangeProblem(error: unknown): string {
  if (error instanceof ApiError && error.status === 409) {
    return `Another editor changed the outline at the same time, so this change was not made: ${error.message} The outline shown is now up to date; check it and try again.`;
  }
  return errorMessage(error);
}

/** Whether a refusal means the outline shown is out of date (reload it). */
export function isOutlineConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409;
}
