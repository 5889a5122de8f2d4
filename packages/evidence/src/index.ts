export {
  type ActionLineRules,
  ActionLineStore,
  actionLineOfCodeName,
} from "./ActionLineStore";
export { actionLineCounts, phraseMatcher } from "./actionLineCounts";
export { ACTION_LINES_PATH, actionLineTitles } from "./actionLineTitles";
export { type CodedExcerptRow, type CodeInput, CodingStore } from "./CodingStore";
export { CODED_EXCERPT_HEADERS, codedExcerptsCsv, codedExcerptsXlsx } from "./codedExcerptsTable";
export { CodingError, type CodingErrorKind } from "./codingError";
export {
  type ConsultationQuestion,
  consultationQuestions,
  QUESTIONS_PATH,
} from "./consultationQuestions";
export {
  type EvidenceFilters,
  EvidenceStore,
  type ImportOrigin,
} from "./EvidenceStore";
export { EvidenceImportError, type EvidenceImportErrorId } from "./evidenceImportError";
export { DEFAULT_EVIDENCE_LIMITS, type EvidenceLimits } from "./evidenceLimits";
export {
  type CitableSource,
  type CitationDetails,
  citationPlainText,
  formatCitation,
} from "./formatCitation";
export { foldWord, type KeyPhrase, type KeyPhraseOptions, keyPhrases } from "./keyPhrases";
export { normaliseStakeholderGroup } from "./normaliseStakeholderGroup";
export { type DocumentFormat, parseDocument } from "./parseDocument";
export type { ParsedEvidence } from "./parsedEvidence";
export { importKindOf, parseEvidenceFile } from "./parseEvidenceFile";
export { type LiteratureFormat, parseLiterature } from "./parseLiterature";
export { parseQuestionnaireCsv } from "./parseQuestionnaireCsv";
export { parseQuestionnaireXlsx } from "./parseQuestionnaireXlsx";
export type * from "./source";
export {
  ACTION_LINES,
  IMPORT_EXTENSIONS,
  IMPORT_KINDS,
  QUESTION_IDS,
  SOURCE_KINDS,
  STAKEHOLDER_GROUPS,
} from "./source";
export { STOP_WORDS } from "./stopWords";
export { submissionsFromTable } from "./submissionsFromTable";
export { submissionThemes, type ThemeFilters, themePassages } from "./submissionThemes";
