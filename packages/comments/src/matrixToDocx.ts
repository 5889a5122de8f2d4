import {
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { CommentThread } from "./commentThread";
import { MATRIX_COLUMNS, type MatrixOptions, matrixRows } from "./matrixRows";

/** Options of {@link matrixToDocx}. */
export interface MatrixDocxOptions extends MatrixOptions {
  /** Heading above the table, e.g. "WSIS+20 review: comment/response matrix". */
  title: string;
}

// A4 in twentieths of a point, given portrait: docx swaps them for a landscape page.
const A4_SHORT = 11906;
const A4_LONG = 16838;
const MARGIN = 851; // 15 mm
const TABLE_WIDTH = A4_LONG - 2 * MARGIN;
// Share of the width per column, in the order of MATRIX_COLUMNS (sums to 100).
const COLUMN_SHARES = [10, 16, 20, 8, 8, 22, 7, 9];
const COLUMN_WIDTHS = COLUMN_SHARES.map((share) => Math.floor((TABLE_WIDTH * share) / 100));
const FONT = "Times New Roman";
const TABLE_SIZE = 18; // half-points: 9 pt, the table size of the UN template

// Characters that XML 1.0 forbids (they would make Word refuse the file).
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters on purpose
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function lines(text: string, options: { bold?: boolean; spaceAfter?: boolean } = {}): Paragraph[] {
  const all = text.replace(NOT_XML, "").split("\n");
  return all.map(
    (line, i) =>
      new Paragraph({
        // Space after the last line separates one reply from the next.
        spacing: { after: options.spaceAfter && i === all.length - 1 ? 80 : 0 },
        children: [new TextRun({ text: line, bold: options.bold, size: TABLE_SIZE })],
      }),
  );
}

function cell(children: Paragraph[], column: number, header = false): TableCell {
  return new TableCell({
    width: { size: COLUMN_WIDTHS[column] ?? 0, type: WidthType.DXA },
    children: children.length > 0 ? children : [new Paragraph("")],
    ...(header ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: "D9D9D9" } } : {}),
  });
}

/**
 * The comment/response matrix as a Word document: a landscape A4 page in Times New Roman with
 * the title and one table, a header row (repeated on every page) and one row per thread, its
 * replies in the row's Replies cell. Pure; threads appear in the order given.
 */
export async function matrixToDocx(
  threads: readonly CommentThread[],
  options: MatrixDocxOptions,
): Promise<Uint8Array> {
  const header = new TableRow({
    tableHeader: true,
    children: MATRIX_COLUMNS.map((name, column) => cell(lines(name, { bold: true }), column, true)),
  });
  const rows = matrixRows(threads, options).map(
    (row) =>
      new TableRow({
        children: [
          row.section,
          row.quote,
          row.comment,
          row.author,
          row.date,
          row.replies,
          row.state,
          row.suggestion,
        ].map((value, column) =>
          cell(
            typeof value === "string"
              ? lines(value)
              : value.flatMap((reply) => lines(reply, { spaceAfter: true })),
            column,
          ),
        ),
      }),
  );
  const document = new Document({
    creator: "Rapporteur",
    title: options.title.replace(NOT_XML, ""),
    styles: { default: { document: { run: { font: FONT, size: 20 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4_SHORT, height: A4_LONG, orientation: PageOrientation.LANDSCAPE },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        children: [
          new Paragraph({
            spacing: { after: 120 },
            children: [
              new TextRun({ text: options.title.replace(NOT_XML, ""), bold: true, size: 28 }),
            ],
          }),
          new Paragraph({
            spacing: { after: 240 },
            children: [
              new TextRun(
                `${threads.length} ${threads.length === 1 ? "thread" : "threads"}, ` +
                  `${threads.filter((t) => t.state === "open").length} open`,
              ),
            ],
          }),
          new Table({
            width: { size: TABLE_WIDTH, type: WidthType.DXA },
            columnWidths: COLUMN_WIDTHS,
            layout: TableLayoutType.FIXED,
            rows: [header, ...rows],
          }),
        ],
      },
    ],
  });
  const buffer = await Packer.toBuffer(document);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
