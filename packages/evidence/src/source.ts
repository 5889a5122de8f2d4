/**
 * The Source model of the evidence library, browser-safe (types and constants only): what the
 * server sends and the web app shows.
 */

/** Kinds of source. A contribution says who made it in `contributor`. */
export const SOURCE_KINDS = [
  "submission",
  "consultation",
  "contribution",
  "document",
  "literature",
] as const;

/** The kind of a source: questionnaire submission, regional consultation, contribution, document, literature. */
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** The kinds an import may be told (`--kind`, `kind` of the upload). */
export const IMPORT_KINDS = ["submission", "contribution", "document", "literature"] as const;

/** What an evidence file is imported as. */
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The file extensions each import kind is read from (without the dot). */
export const IMPORT_EXTENSIONS: Record<ImportKind, readonly string[]> = {
  submission: ["csv", "xlsx"],
  literature: ["json", "bib", "ris"],
  document: ["docx", "pdf"],
  contribution: ["docx", "pdf"],
};

/** Who made a contribution: a Member State or a UN entity. */
export type Contributor = "member_state" | "un_entity";

/** The six stakeholder groups of WSIS, as stored (see `normaliseStakeholderGroup`). */
export const STAKEHOLDER_GROUPS = [
  "government",
  "private_sector",
  "civil_society",
  "technical_community",
  "academia",
  "international_organisation",
] as const;

/** One of the six stakeholder groups. */
export type StakeholderGroup = (typeof STAKEHOLDER_GROUPS)[number];

/** Ids of the eight consultation questions (content/questions.yaml). */
export const QUESTION_IDS = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"] as const;

/** The id of one consultation question. */
export type QuestionId = (typeof QUESTION_IDS)[number];

/** WSIS Action Lines C1 to C11. */
export const ACTION_LINES = [
  "C1",
  "C2",
  "C3",
  "C4",
  "C5",
  "C6",
  "C7",
  "C8",
  "C9",
  "C10",
  "C11",
] as const;

/** A source as parsed from a file, before it is stored. */
export interface SourceInput {
  kind: SourceKind;
  contributor: Contributor | null;
  /** The id the file gave it (a questionnaire's ID column, a citation key), if any. */
  ref: string | null;
  title: string;
  author: string | null;
  organisation: string | null;
  group: StakeholderGroup | null;
  country: string | null;
  region: string | null;
  language: string | null;
  /** As given: an ISO date (YYYY-MM-DD), a year, or a date and time. */
  date: string | null;
  /** A UN document symbol (E/CN.16/2024/2). */
  symbol: string | null;
  url: string | null;
  /** Action Lines it addresses, C1..C11. */
  actionLines: string[];
  /** SDGs it addresses, 1..17. */
  sdgs: number[];
  tags: string[];
  /** A submission's answer to each question it answered. */
  answers: Partial<Record<QuestionId, string>>;
  /** Columns or fields the importer does not know, kept as they were. */
  extra: Record<string, string>;
  /** The full text, indexed for search. */
  text: string;
}

/** The metadata of a source that editors and drafters may correct (`PATCH /api/evidence/:id`). */
export type SourceMetadataPatch = Partial<
  Pick<
    SourceInput,
    | "title"
    | "author"
    | "organisation"
    | "group"
    | "country"
    | "region"
    | "language"
    | "date"
    | "symbol"
    | "url"
    | "actionLines"
    | "sdgs"
    | "tags"
  >
>;

/** A stored source. */
export interface Source extends SourceInput {
  id: number;
  /** The file it came from. */
  filename: string | null;
  importedAt: string;
  importedBy: string | null;
}

/** One search result (`GET /api/evidence`). */
export interface SourceHit {
  id: number;
  kind: SourceKind;
  title: string;
  group: StakeholderGroup | null;
  region: string | null;
  country: string | null;
  /**
   * The passage that matches, as HTML: text escaped, matches in `<mark>…</mark>` (without a
   * query: the start of the text).
   */
  excerpt: string;
}

/** The answer of a search: `total` counts every match, whatever the limit. */
export interface SourceSearchResult {
  total: number;
  items: SourceHit[];
}

/** Where in a source an excerpt is: its full text, or a submission's answer to one question. */
export type ExcerptField = "text" | QuestionId;

/** A code of the codebook; codes nest (`parent`), names are unique among siblings. */
export interface EvidenceCode {
  id: number;
  name: string;
  /** The code it is nested under, or null at the top. */
  parent: number | null;
  /** `#rrggbb`. */
  colour: string;
  description: string;
  /** Excerpts tagged with this code itself (not its descendants). */
  excerpts: number;
}

/** A passage of a source tagged with codes. */
export interface CodedExcerpt {
  id: number;
  sourceId: number;
  sourceTitle: string;
  field: ExcerptField;
  /** Offsets in UTF-16 code units in the field's text, end excluded. */
  start: number;
  end: number;
  /** The passage as it was when coded. */
  quote: string;
  codes: number[];
  by: string;
  at: string;
}

/** Submissions and how many of them the report cites. */
export interface CoverageCount {
  total: number;
  cited: number;
}

/**
 * What the report cites of the evidence (`GET /api/evidence/coverage`): submissions by
 * stakeholder group, region ("unspecified" when not given) and question (of those that answered
 * it, how many the report cites), the sources each section cites, and the sources no section
 * cites (the first `limit` by id; `uncitedTotal` counts them all).
 */
export interface EvidenceCoverage {
  submissions: CoverageCount & {
    byGroup: Record<string, CoverageCount>;
    byRegion: Record<string, CoverageCount>;
    byQuestion: Record<QuestionId, { answered: number; cited: number }>;
  };
  /** Every section of the outline in order, with the sources it cites (first citation first). */
  sections: { id: string; sources: number[] }[];
  uncited: { id: number; title: string; kind: SourceKind }[];
  uncitedTotal: number;
}

/** One key phrase of the submissions' answers (`GET /api/evidence/themes`). */
export interface ThemePhrase {
  /** The most common surface form. */
  phrase: string;
  /** Distinct submissions whose answers use it. */
  submissions: number;
  /** Those submissions by stakeholder group ("unspecified" when not given). */
  byGroup: Record<string, number>;
}

/** A passage where a key phrase is used (`GET /api/evidence/themes/passages`). */
export interface ThemePassage {
  sourceId: number;
  title: string;
  group: StakeholderGroup | null;
  field: QuestionId;
  /** Offsets in UTF-16 code units in the answer's text, end excluded. */
  start: number;
  end: number;
  quote: string;
  /** The answer's text just before the quote (up to about 120 characters, from a word start). */
  before: string;
  /** The answer's text just after the quote (up to about 120 characters, to a word end). */
  after: string;
}

/** A submission's answers as the themes read them. */
export interface SubmissionAnswers {
  id: number;
  title: string;
  group: StakeholderGroup | null;
  answers: Partial<Record<QuestionId, string>>;
  /** The Action Lines its metadata names (set at import), if any. */
  actionLines?: readonly string[];
}

/** How many submissions address one WSIS Action Line (`GET /api/evidence/action-lines`). */
export interface ActionLineCount {
  id: string;
  title: string;
  /** Distinct submissions linked by a code, their metadata or a rule. */
  submissions: number;
  /** Submissions coded with a code linked to the Action Line (its name starts with the id). */
  fromCodes: number;
  /** Submissions whose own metadata names the Action Line (an "Action lines" column at import). */
  fromMetadata: number;
  /** Submissions whose answers use one of the Action Line's keywords. */
  fromRules: number;
}
