import type ExcelJS from "exceljs";
import { checkZipPackage } from "./checkZipPackage";
import type { ConsultationQuestion } from "./consultationQuestions";
import { EvidenceImportError } from "./evidenceImportError";
import { DEFAULT_EVIDENCE_LIMITS, type EvidenceLimits } from "./evidenceLimits";
import type { ParsedEvidence } from "./parsedEvidence";
import { submissionsFromTable } from "./submissionsFromTable";

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((run) => run.text).join("");
    if ("text" in value) return String(value.text);
    if ("result" in value)
      return value.result === undefined ? "" : cellText(value.result as ExcelJS.CellValue);
    if ("error" in value) return "";
  }
  return String(value);
}

/**
 * A questionnaire export as an Excel workbook (.xlsx, e.g. Microsoft Forms' "Open in Excel"):
 * its first sheet, read like a CSV (see submissionsFromTable). The package is inflated under
 * the Word importer's zip-bomb limits before it is read, and a sheet of more rows or columns
 * than the limits is refused. Throws {@link EvidenceImportError}.
 */
export async function parseQuestionnaireXlsx(
  bytes: Uint8Array,
  questions: readonly ConsultationQuestion[],
  limits: EvidenceLimits = DEFAULT_EVIDENCE_LIMITS,
): Promise<ParsedEvidence> {
  await checkZipPackage(bytes, limits.maxUncompressedBytes, "Excel file");
  // Loaded on first use: exceljs is large, and most servers never read a spreadsheet.
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new EvidenceImportError(
      "malformed_file",
      `The Excel file cannot be read: ${(error as Error).message.slice(0, 200)}`,
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new EvidenceImportError("empty_file", "The Excel file has no sheet.");
  if (sheet.rowCount > limits.maxRows + 1 || sheet.columnCount > limits.maxColumns) {
    throw new EvidenceImportError(
      "too_large",
      `The sheet '${sheet.name}' has ${sheet.rowCount} rows and ${sheet.columnCount} columns, over the limits (${limits.maxRows} rows, ${limits.maxColumns} columns).`,
    );
  }
  const width = sheet.columnCount;
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let column = 1; column <= width; column++) cells.push(cellText(row.getCell(column).value));
    rows.push(cells);
  });
  return submissionsFromTable(rows, questions, limits);
}
