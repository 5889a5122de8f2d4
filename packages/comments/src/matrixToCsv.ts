import type { CommentThread } from "./commentThread";
import { MATRIX_COLUMNS, type MatrixOptions, matrixRows } from "./matrixRows";

/**
 * The comment/response matrix as CSV (RFC 4180: every field quoted, CRLF between records,
 * replies on separate lines inside their cell), preceded by a UTF-8 byte order mark so that
 * Excel reads accented names correctly. A cell that a spreadsheet would take for a formula
 * (starting with =, +, -, @, tab or carriage return) is prefixed with a single quote.
 */
export function matrixToCsv(
  threads: readonly CommentThread[],
  options: MatrixOptions = {},
): string {
  const records = [
    [...MATRIX_COLUMNS],
    ...matrixRows(threads, options).map((row) => [
      row.section,
      row.quote,
      row.comment,
      row.author,
      row.date,
      row.replies.join("\n"),
      row.state,
      row.suggestion,
    ]),
  ];
  return `\uFEFF${records.map((cells) => cells.map(csvField).join(",")).join("\r\n")}\r\n`;
}

function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}
