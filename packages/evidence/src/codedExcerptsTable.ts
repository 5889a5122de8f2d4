import type { CodedExcerptRow } from "./CodingStore";

/** The export's column headers, in order. */
export const CODED_EXCERPT_HEADERS = [
  "Code",
  "Source",
  "Stakeholder group",
  "Region",
  "Country",
  "Question",
  "Quote",
  "Coded by",
  "Coded at",
] as const;

/** A cell a spreadsheet would run as a formula (= + - @, tab, CR) gets a leading apostrophe. */
function safeCell(value: string | null): string {
  const text = value ?? "";
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function cellsOf(row: CodedExcerptRow): string[] {
  return [
    row.codePath,
    row.sourceTitle,
    row.group,
    row.region,
    row.country,
    row.question,
    row.quote,
    row.by,
    row.at,
  ].map(safeCell);
}

/** The coded excerpts as CSV (RFC 4180, CRLF, UTF-8 with BOM for spreadsheets), formula-safe. */
export function codedExcerptsCsv(rows: readonly CodedExcerptRow[]): string {
  const quote = (cell: string) =>
    /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
  const lines = [[...CODED_EXCERPT_HEADERS], ...rows.map(cellsOf)].map((cells) =>
    cells.map(quote).join(","),
  );
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** The coded excerpts as an XLSX workbook of one sheet, "Coded excerpts", formula-safe. */
export async function codedExcerptsXlsx(rows: readonly CodedExcerptRow[]): Promise<Uint8Array> {
  // Loaded on first use: exceljs is large, and most servers never write a spreadsheet.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Coded excerpts");
  sheet.addRow([...CODED_EXCERPT_HEADERS]).font = { bold: true };
  for (const row of rows) sheet.addRow(cellsOf(row));
  sheet.columns.forEach((column, index) => {
    column.width = index === 6 ? 80 : 24;
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
