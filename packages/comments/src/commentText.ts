import { CommentError } from "./CommentError";

/** Longest comment, reply or suggested replacement, in characters. */
export const MAX_COMMENT_LENGTH = 10_000;

/** Longest quote kept with a thread; longer ones are shortened with an ellipsis. */
export const MAX_QUOTE_LENGTH = 10_000;

// C0 controls other than tab and line feed, and DEL: invisible, and invalid in Word's XML.
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters on purpose
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/**
 * Checks and normalises the text of a comment or reply: trimmed, line endings as `\n`, 1 to
 * {@link MAX_COMMENT_LENGTH} characters, no control characters. Throws `invalid_text`.
 */
export function commentText(input: unknown): string {
  if (typeof input !== "string") throw new CommentError("invalid_text", "A comment is text.");
  const text = input.replace(/\r\n?/g, "\n").trim();
  if (text.length === 0) throw new CommentError("invalid_text", "A comment cannot be empty.");
  if (text.length > MAX_COMMENT_LENGTH) {
    throw new CommentError(
      "invalid_text",
      `A comment has at most ${MAX_COMMENT_LENGTH.toLocaleString("en")} characters.`,
    );
  }
  if (CONTROL.test(text)) {
    throw new CommentError("invalid_text", "A comment cannot contain control characters.");
  }
  return text;
}

/**
 * Checks a suggested replacement: kept as given (spaces matter inside a sentence), at most
 * {@link MAX_COMMENT_LENGTH} characters, no line breaks (a suggestion replaces words inside a
 * paragraph). Empty means "delete the range". Throws `invalid_text`.
 */
export function replacementText(input: unknown): string {
  if (typeof input !== "string") {
    throw new CommentError("invalid_text", "A suggested replacement is text.");
  }
  if (input.length > MAX_COMMENT_LENGTH) {
    throw new CommentError(
      "invalid_text",
      `A suggested replacement has at most ${MAX_COMMENT_LENGTH.toLocaleString("en")} characters.`,
    );
  }
  if (/[\r\n]/.test(input) || CONTROL.test(input)) {
    throw new CommentError(
      "invalid_text",
      "A suggested replacement cannot contain line breaks or control characters.",
    );
  }
  return input;
}

/** The quote to keep with a thread: not empty, shortened beyond {@link MAX_QUOTE_LENGTH}. */
export function quoteText(input: unknown): string {
  if (typeof input !== "string" || input.trim().length === 0) {
    throw new CommentError("invalid_anchor", "A comment is made on a range of text.");
  }
  return input.length > MAX_QUOTE_LENGTH ? `${input.slice(0, MAX_QUOTE_LENGTH - 1)}…` : input;
}
