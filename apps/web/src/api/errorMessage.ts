/**
 * What to show a person for a failed request or action: the server's message (an `ApiError`
 * carries the `{ error: { message } }` of the answer) or, for anything else thrown, its text.
 */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
