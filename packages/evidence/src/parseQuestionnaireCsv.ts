import { parse } from "csv-parse/sync";
import type { ConsultationQuestion } from "./consultationQuestions";
import { decodeText } from "./decodeText";
import { EvidenceImportError } from "./evidenceImportError";
import { DEFAULT_EVIDENCE_LIMITS, type EvidenceLimits } from "./evidenceLimits";
import type { ParsedEvidence } from "./parsedEvidence";
import { submissionsFromTable } from "./submissionsFromTable";

/**
 * A questionnaire export as CSV (UTF-8, comma or semicolon separated, quoted cells with line
 * breaks) -> one submission per row (see submissionsFromTable). Pure. Throws
 * {@link EvidenceImportError}: `not_text`, `malformed_file` (an unclosed quote, ...),
 * `unrecognised_columns`, `too_large`, `empty_file`.
 */
export function parseQuestionnaireCsv(
  bytes: Uint8Array,
  questions: readonly ConsultationQuestion[],
  limits: EvidenceLimits = DEFAULT_EVIDENCE_LIMITS,
): ParsedEvidence {
  const text = decodeText(bytes, "CSV file");
  if (text.length > limits.maxTextChars) {
    throw new EvidenceImportError(
      "too_large",
      `The CSV file holds more than ${limits.maxTextChars} characters, over the limit.`,
    );
  }
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter =
    (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  let rows: string[][];
  try {
    rows = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      to_line: limits.maxRows + 2,
      max_record_size: limits.maxTextChars,
    }) as string[][];
  } catch (error) {
    const message = (error as Error).message.slice(0, 200);
    throw new EvidenceImportError("malformed_file", `The CSV file cannot be read: ${message}`);
  }
  if (rows.length > limits.maxRows + 1) {
    throw new EvidenceImportError(
      "too_large",
      `The questionnaire has more than ${limits.maxRows} rows, the limit.`,
    );
  }
  return submissionsFromTable(rows, questions, limits);
}
