import { commentAuthor, commentDate } from "./commentAuthor";
import type { CommentThread } from "./commentThread";

/** One thread as a row of the comment/response matrix, every cell as plain text. */
export interface MatrixRow {
  section: string;
  quote: string;
  comment: string;
  author: string;
  date: string;
  /** Each reply as "author (date): text". */
  replies: string[];
  state: string;
  suggestion: string;
}

/** Column headings of the matrix, in order. */
export const MATRIX_COLUMNS = [
  "Section",
  "Quoted text",
  "Comment",
  "Author",
  "Date",
  "Replies",
  "State",
  "Suggestion",
] as const;

/** Options shared by the matrix exports. */
export interface MatrixOptions {
  /** Section titles by section id; a section without one is shown by its id. */
  sectionTitles?: Readonly<Record<string, string>>;
}

/** "2025-03-12 14:05 UTC": unambiguous in every country that reads the matrix. */
export function matrixDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** The matrix rows of `threads`, in the order given. */
export function matrixRows(
  threads: readonly CommentThread[],
  options: MatrixOptions = {},
): MatrixRow[] {
  const titles = options.sectionTitles ?? {};
  return threads.map((thread) => {
    const title = Object.hasOwn(titles, thread.sectionId) ? titles[thread.sectionId] : undefined;
    let state = thread.state === "open" ? "Open" : "Resolved";
    if (thread.state === "resolved" && thread.resolvedBy) state += ` by ${thread.resolvedBy.name}`;
    if (thread.detached) state += " (text deleted)";
    const suggestion = thread.suggestion;
    return {
      section: title ?? thread.sectionId,
      quote: thread.quote,
      comment: thread.text,
      author: commentAuthor(thread),
      date: matrixDate(commentDate(thread)),
      replies: thread.replies.map(
        (reply) => `${commentAuthor(reply)} (${matrixDate(commentDate(reply))}): ${reply.text}`,
      ),
      state,
      suggestion: suggestion
        ? `${suggestion.replacement === "" ? "Delete the quoted text" : `Replace with: ${suggestion.replacement}`} (${suggestion.state}${suggestion.decidedBy ? ` by ${suggestion.decidedBy.name}` : ""})`
        : "",
    };
  });
}
