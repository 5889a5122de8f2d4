import type { ConsultationQuestion } from "./consultationQuestions";
import { emptySource } from "./emptySource";
import { EvidenceImportError } from "./evidenceImportError";
import type { EvidenceLimits } from "./evidenceLimits";
import { normaliseStakeholderGroup } from "./normaliseStakeholderGroup";
import type { ParsedEvidence } from "./parsedEvidence";
import {
  QUESTION_IDS,
  type QuestionId,
  type SourceInput,
  type SourceMetadataPatch,
} from "./source";

// The metadata a column can fill: a source's correctable metadata, with the file's own id.
type MetaKey = Exclude<keyof SourceMetadataPatch, "title"> | "ref";

type Column =
  | { kind: "meta"; key: MetaKey }
  | { kind: "answer"; question: QuestionId }
  | { kind: "extra"; name: string };

/** Known headers, normalised (lower case, `_` as space); Microsoft Forms' among them. */
const META_HEADERS: Readonly<Record<string, MetaKey>> = {
  id: "ref",
  respondent: "author",
  name: "author",
  organisation: "organisation",
  organization: "organisation",
  "stakeholder group": "group",
  stakeholder: "group",
  country: "country",
  region: "region",
  language: "language",
  "completion time": "date",
  date: "date",
  symbol: "symbol",
  url: "url",
  link: "url",
  website: "url",
  "action lines": "actionLines",
  "action line": "actionLines",
  "wsis action lines": "actionLines",
  sdgs: "sdgs",
  sdg: "sdgs",
  tags: "tags",
  keywords: "tags",
};

/** Action Lines named in a cell ("C1, C7", "c3;C11"), C1..C11 only, in order, once each. */
function actionLinesOf(cell: string): string[] {
  const found = [...cell.matchAll(/\bC\s*(\d{1,2})\b/gi)].map((m) => Number(m[1]));
  return [...new Set(found.filter((n) => n >= 1 && n <= 11))]
    .sort((a, b) => a - b)
    .map((n) => `C${n}`);
}

/** SDGs named in a cell ("4, 5", "SDG 9"), 1..17 only, in order, once each. */
function sdgsOf(cell: string): number[] {
  const found = [...cell.matchAll(/\d{1,2}/g)].map((m) => Number(m[0]));
  return [...new Set(found.filter((n) => n >= 1 && n <= 17))].sort((a, b) => a - b);
}

function headerKey(header: string): string {
  return header
    .toLowerCase()
    .replace(/[_\s]+/g, " ")
    .trim();
}

/** Letters and digits only, diacritics and quotes dropped: how question headers are compared. */
function textKey(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/^\s*(q(uestion)?\s*)?\d+\s*[.):-]\s*/, "")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/** The column a header names, by its exact key or by a consultation question's text. */
function columnOf(header: string, questions: readonly ConsultationQuestion[]): Column {
  const key = headerKey(header);
  const meta = META_HEADERS[key];
  if (meta) return { kind: "meta", key: meta };
  const numbered = /^(?:q|question )(\d)$/.exec(key);
  if (numbered && QUESTION_IDS.includes(`q${numbered[1]}` as QuestionId)) {
    return { kind: "answer", question: `q${numbered[1]}` as QuestionId };
  }
  const text = textKey(header);
  if (text.length >= 20) {
    for (const question of questions) {
      const wanted = textKey(question.text);
      // Forms cut or extend long headers: a shared start of 40 characters is the same question.
      const prefix = Math.min(40, wanted.length, text.length);
      if (text === wanted || text.slice(0, prefix) === wanted.slice(0, prefix)) {
        return { kind: "answer", question: question.id };
      }
    }
  }
  return { kind: "extra", name: header.trim() || "(unnamed column)" };
}

/**
 * Questionnaire rows (the first one the headers) turned into one submission per row: headers
 * are recognised case-insensitively (`id`, `respondent`, `organisation`, `stakeholder_group`,
 * `country`, `region`, `q1`…`q8`, the questions' own text, Microsoft Forms' `ID`, `Name`,
 * `Completion time`; `action lines` (C1..C11), `sdgs` (1..17), `tags`, `symbol`, `url`); other
 * columns are kept as extra fields. Blank rows are skipped. Throws
 * {@link EvidenceImportError} when no column holds answers or a limit is passed.
 */
export function submissionsFromTable(
  rows: readonly (readonly string[])[],
  questions: readonly ConsultationQuestion[],
  limits: Pick<EvidenceLimits, "maxRows" | "maxColumns" | "maxTextChars">,
): ParsedEvidence {
  const [headers, ...body] = rows;
  if (!headers || body.length === 0) {
    throw new EvidenceImportError(
      "empty_file",
      "The questionnaire holds no submission: it needs a header row and one row per submission.",
    );
  }
  if (headers.length > limits.maxColumns) {
    throw new EvidenceImportError(
      "too_large",
      `The questionnaire has ${headers.length} columns, more than the ${limits.maxColumns} allowed.`,
    );
  }
  if (body.length > limits.maxRows) {
    throw new EvidenceImportError(
      "too_large",
      `The questionnaire has ${body.length} rows, more than the ${limits.maxRows} allowed.`,
    );
  }
  const columns = headers.map((header) => columnOf(header, questions));
  if (!columns.some((column) => column.kind === "answer")) {
    throw new EvidenceImportError(
      "unrecognised_columns",
      "No column of this file holds answers: name them q1 to q8 or by the questions' own text (content/questions.yaml).",
    );
  }
  const warnings: string[] = [];
  const seen = new Set<QuestionId>();
  for (const column of columns) {
    if (column.kind !== "answer") continue;
    if (seen.has(column.question))
      warnings.push(`Two columns hold the answers to ${column.question}: their texts are joined.`);
    seen.add(column.question);
  }
  const labels = new Map(questions.map((question) => [question.id, question.text]));
  const sources: SourceInput[] = [];
  let chars = 0;
  body.forEach((row, index) => {
    if (row.every((cell) => cell.trim() === "")) return;
    const source = emptySource("submission", "");
    const meta: Partial<Record<MetaKey, string>> = {};
    row.forEach((raw, at) => {
      const column = columns[at];
      const cell = raw.trim();
      if (!column || cell === "") return;
      if (column.kind === "meta") meta[column.key] ??= cell;
      else if (column.kind === "answer") {
        const before = source.answers[column.question];
        source.answers[column.question] = before ? `${before}\n${cell}` : cell;
      } else source.extra[column.name] = cell;
    });
    if (row.length > columns.length)
      warnings.push(`Row ${index + 2} has more cells than headers: the extra cells are left out.`);
    source.ref = meta.ref ?? null;
    source.author = meta.author ?? null;
    source.organisation = meta.organisation ?? null;
    source.country = meta.country ?? null;
    source.region = meta.region ?? null;
    source.language = meta.language ?? null;
    source.date = meta.date ?? null;
    source.symbol = meta.symbol ?? null;
    source.url = meta.url ?? null;
    source.actionLines = meta.actionLines ? actionLinesOf(meta.actionLines) : [];
    source.sdgs = meta.sdgs ? sdgsOf(meta.sdgs) : [];
    source.tags = (meta.tags ?? "")
      .split(/[,;]/)
      .map((tag) => tag.trim())
      .filter((tag) => tag !== "");
    source.group = normaliseStakeholderGroup(meta.group);
    if (meta.group && !source.group) {
      source.extra["Stakeholder group"] = meta.group;
      warnings.push(
        `Row ${index + 2}: stakeholder group '${meta.group.slice(0, 60)}' is none of the six groups; kept as an extra field.`,
      );
    }
    const who =
      source.organisation ??
      source.author ??
      (source.ref ? `respondent ${source.ref}` : `row ${index + 2}`);
    source.title = `Submission of ${who}${source.country ? ` (${source.country})` : ""}`;
    source.text = QUESTION_IDS.filter((id) => source.answers[id])
      .map((id) => `${labels.get(id) ?? id}\n${source.answers[id]}`)
      .join("\n\n");
    chars += source.text.length;
    if (chars > limits.maxTextChars) {
      throw new EvidenceImportError(
        "too_large",
        `The questionnaire holds more than ${limits.maxTextChars} characters of answers, over the limit.`,
      );
    }
    sources.push(source);
  });
  if (sources.length === 0) {
    throw new EvidenceImportError(
      "empty_file",
      "The questionnaire holds no submission: every row is blank.",
    );
  }
  return { sources, warnings };
}
