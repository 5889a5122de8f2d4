import { consultationQuestions } from "./consultationQuestions";
import { EvidenceImportError } from "./evidenceImportError";
import { DEFAULT_EVIDENCE_LIMITS, type EvidenceLimits } from "./evidenceLimits";
import { parseDocument } from "./parseDocument";
import type { ParsedEvidence } from "./parsedEvidence";
import { parseLiterature } from "./parseLiterature";
import { parseQuestionnaireCsv } from "./parseQuestionnaireCsv";
import { parseQuestionnaireXlsx } from "./parseQuestionnaireXlsx";
import { IMPORT_EXTENSIONS, type ImportKind } from "./source";

const EXTENSIONS: Record<string, ImportKind> = {
  csv: "submission",
  xlsx: "submission",
  json: "literature",
  bib: "literature",
  ris: "literature",
  docx: "document",
  pdf: "document",
};

const ACCEPTED = IMPORT_EXTENSIONS;

function extensionOf(filename: string): string {
  return /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase() ?? "";
}

/**
 * The kind a file is imported as: `kind` when given (checked against the file type), else
 * guessed from the extension (.csv/.xlsx: submission, .json/.bib/.ris: literature, .docx/.pdf:
 * document). Throws {@link EvidenceImportError} `unsupported_file_type`.
 */
export function importKindOf(filename: string, kind?: ImportKind): ImportKind {
  const extension = extensionOf(filename);
  const guessed = EXTENSIONS[extension];
  if (!guessed) {
    throw new EvidenceImportError(
      "unsupported_file_type",
      `Cannot import '${filename}' as evidence: only questionnaires (.csv, .xlsx), literature (.json CSL-JSON, .bib, .ris) and documents (.docx, .pdf) can be imported.`,
    );
  }
  if (kind && !ACCEPTED[kind].includes(extension)) {
    throw new EvidenceImportError(
      "unsupported_file_type",
      `Cannot import '${filename}' as ${kind}: that kind is read from ${ACCEPTED[kind].map((e) => `.${e}`).join(", ")} files.`,
    );
  }
  return kind ?? guessed;
}

/**
 * Reads one evidence file into sources, by its kind (see {@link importKindOf}) and extension:
 * questionnaires (one submission per row), literature libraries (one source per reference),
 * documents (one source each). Pure apart from reading content/questions.yaml once. Throws
 * {@link EvidenceImportError} with a message for people when the file is refused.
 */
export async function parseEvidenceFile(
  bytes: Uint8Array,
  filename: string,
  kind?: ImportKind,
  limits: EvidenceLimits = DEFAULT_EVIDENCE_LIMITS,
): Promise<ParsedEvidence> {
  const as = importKindOf(filename, kind);
  const extension = extensionOf(filename);
  if (bytes.length === 0)
    throw new EvidenceImportError("empty_file", "The file is empty: there is nothing to import.");
  switch (extension) {
    case "csv":
      return parseQuestionnaireCsv(bytes, consultationQuestions(), limits);
    case "xlsx":
      return parseQuestionnaireXlsx(bytes, consultationQuestions(), limits);
    case "json":
      return parseLiterature(bytes, "csl-json", limits);
    case "bib":
      return parseLiterature(bytes, "bibtex", limits);
    case "ris":
      return parseLiterature(bytes, "ris", limits);
    default:
      return parseDocument(
        bytes,
        extension === "pdf" ? "pdf" : "docx",
        filename,
        as === "contribution" ? "contribution" : "document",
        limits,
      );
  }
}
