import { CommentError, type CommentErrorId } from "@rapporteur/comments";
import { HttpError } from "../http/errors";

const STATUS: Record<CommentErrorId, number> = {
  invalid_text: 400,
  invalid_anchor: 400,
  invalid_section: 400,
  not_author: 403,
  not_found: 404,
  no_suggestion: 409,
  suggestion_decided: 409,
  detached: 409,
};

/**
 * A {@link CommentError} as the HTTP error the API answers (400 bad input, 403 `not_author`, 404,
 * 409 for a suggestion that cannot be decided); any other error unchanged.
 */
export function commentHttpError(error: unknown): unknown {
  if (!(error instanceof CommentError)) return error;
  return new HttpError(STATUS[error.id], error.id, error.message);
}
