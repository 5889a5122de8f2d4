import type { ApiError } from "../api/ApiError";

/** What the sign-in page says when the server refuses a sign-in. */
export function signInErrorMessage(error: ApiError): string {
  if (error.status === 401) return "Wrong username or password.";
  if (error.status === 429) {
    const minutes = error.retryAfterSeconds
      ? Math.max(1, Math.ceil(error.retryAfterSeconds / 60))
      : null;
    return minutes
      ? `Too many attempts: try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`
      : "Too many attempts: try again in a few minutes.";
  }
  if (error.status === 0) return error.message;
  if (error.status >= 500) return "The server could not sign you in. Try again in a moment.";
  return error.message;
}
