/** Stable ids of the refusals of the comment store (the HTTP layer maps them to status codes). */
export type CommentErrorId =
  | "not_found"
  | "not_author"
  | "invalid_text"
  | "invalid_anchor"
  | "invalid_section"
  | "no_suggestion"
  | "suggestion_decided"
  | "detached";

/** Thrown by {@link CommentStore} when a request is refused; nothing is stored when it is. */
export class CommentError extends Error {
  override name = "CommentError";
  constructor(
    readonly id: CommentErrorId,
    message: string,
  ) {
    super(message);
  }
}
