import { API_METHODS, API_PATHS, type ApiMethod, type ApiPathName } from "@rapporteur/api";

/**
 * Who may call a route: `public` (anyone: sign-in and health only), `signed_in` (any valid
 * session; finer rules such as the workflow's are checked inside), `editor` (editors only, 403
 * for the other roles), `outline` (those who may change the structure, by
 * `mayEditOutline` of `@rapporteur/accounts/roles`; 403 for the others).
 */
export type RouteAccess = "public" | "signed_in" | "editor" | "outline";

/** What the server adds to a route of the contract: who may call it and how it is documented. */
export interface ApiRouteFacts {
  access: RouteAccess;
  /** One line for people: what the route does. */
  summary: string;
  /**
   * `file`: the body carries an uploaded file (base64 in JSON), so it may be as large as
   * RAPPORTEUR_MAX_IMPORT_BYTES allows rather than RAPPORTEUR_MAX_BODY_BYTES.
   */
  body?: "file";
}

/** One route of the JSON API, mounted under `/api`. */
export interface ApiRouteSpec extends ApiRouteFacts {
  method: Lowercase<ApiMethod>;
  /** Express path below `/api`. */
  path: string;
}

/**
 * Access and summary of every route of the contract, in mounting order. Path and method come
 * from `@rapporteur/api` only, so the web and the server cannot disagree on them.
 */
const ROUTE_FACTS = {
  health: {
    access: "public",
    summary: "Liveness: { ok: true }",
  },
  login: {
    access: "public",
    summary: "Sign in with { username, password }: sets the session cookie",
  },
  logout: {
    access: "signed_in",
    summary: "Ends the session and clears its cookie",
  },
  me: { access: "signed_in", summary: "The signed-in user" },
  report: {
    access: "signed_in",
    summary: "The outline with counts, statuses, leads and the caller's access",
  },
  section: {
    access: "signed_in",
    summary: "One section with its counts, status, leads and the caller's access",
  },
  sectionStatus: {
    access: "signed_in",
    summary: "Workflow: { action: submit | approve | reopen }",
  },
  sectionLeads: {
    access: "editor",
    summary: "Sets the lead drafters: { leads: userId[] }",
  },
  events: {
    access: "signed_in",
    summary:
      "Server-Sent Events: wordcount, section, me, comment, budget, settings, numbering, outline",
  },
  listUsers: {
    access: "editor",
    summary: "All accounts",
  },
  createUser: {
    access: "editor",
    summary: "Adds an account: { username, password, role, displayName? }",
  },
  updateUser: {
    access: "editor",
    summary: "Changes { role?, active?, displayName? }",
  },
  resetPassword: {
    access: "editor",
    summary: "Sets a new { password } and ends the user's sessions",
  },
  audit: {
    access: "editor",
    summary: "The audit log, newest first: ?limit=&before=&action=",
  },
  sectionComments: {
    access: "signed_in",
    summary:
      "The section's comment threads with replies, in document order, each `detached` or not",
  },
  createComment: {
    access: "signed_in",
    summary: "Comments on a range: { anchor, text, suggestion?: { replacement } } (any role)",
  },
  listComments: {
    access: "signed_in",
    summary: "Every thread of the report in outline order: ?section=&author=<userId>&state=",
  },
  commentMatrixCsv: {
    access: "signed_in",
    summary: "The comment/response matrix as CSV (same filters as /comments)",
  },
  commentMatrixDocx: {
    access: "signed_in",
    summary: "The comment/response matrix as a Word table (same filters as /comments)",
  },
  replyToComment: {
    access: "signed_in",
    summary: "Replies to a thread: { text } (any role)",
  },
  resolveComment: {
    access: "signed_in",
    summary: "Marks a thread resolved (any role)",
  },
  reopenComment: {
    access: "signed_in",
    summary: "Opens a resolved thread again (any role)",
  },
  editComment: {
    access: "signed_in",
    summary: "Changes { text?, replacement? } of a comment: its author only (403 not_author)",
  },
  deleteComment: {
    access: "signed_in",
    summary: "Deletes a thread and its replies: its author only (403 not_author)",
  },
  acceptSuggestion: {
    access: "signed_in",
    summary: "Applies a suggestion to the section as a live edit: those who may edit the text",
  },
  rejectSuggestion: {
    access: "signed_in",
    summary: "Rejects a suggestion: those who may edit the section's text",
  },
  editReply: {
    access: "signed_in",
    summary: "Changes a reply's { text }: its author only (403 not_author)",
  },
  deleteReply: {
    access: "signed_in",
    summary: "Deletes a reply: its author only (403 not_author)",
  },
  exportReport: {
    access: "signed_in",
    summary:
      "The report as a file: ?format=docx|md|pdf&variant=final|review&section=ID&version=ID (final DOCX or PDF: editors only; pdf: rendered by LibreOffice, 503 pdf_unavailable without it; version: a named version's content, outline, document settings and emblem); &compare=ID[&to=ID]: changes since a named version (to a later one) as Word tracked changes or CriticMarkup, by their authors (everyone)",
  },
  exportPreflight: {
    access: "signed_in",
    summary:
      "What to check before the final export: { items: [{ kind, section?, message }] } (not approved, empty, over/under allocation, open threads and suggestions, empty footnotes, broken cross-references)",
  },
  reportNumbering: {
    access: "signed_in",
    summary:
      "The numbers the exports print: each section's label and the paragraphs, tables and boxes before and in it, and every cross-reference target's number",
  },
  anchorBlock: {
    access: "signed_in",
    summary:
      "Gives a numbered block of the section an anchor for cross-references: { target: { kind: paragraph | table | box, index } } -> { anchor } (index among the section's numbered blocks of that kind, from 0; idempotent; anyone who may edit some section; allowed in approved sections, since an anchor is not content)",
  },
  documentSettings: {
    access: "signed_in",
    summary:
      "The document settings: { settings: { symbol, distribution, issueDate, originalLanguage, commission, session, place, agendaItem, agendaTitle, agendaSymbol, title, byline, jobNumber, advanceUnedited }, emblem, updatedBy, updatedAt }",
  },
  updateDocumentSettings: {
    access: "editor",
    summary:
      "Changes any subset of the document settings (dates YYYY-MM-DD; issueDate null: the export day); audited, pushed as the `settings` event",
  },
  emblem: {
    access: "signed_in",
    summary: "The masthead's emblem image (404 no_emblem)",
  },
  uploadEmblem: {
    access: "editor",
    summary: "Sets the masthead's emblem: { contentBase64 } of a PNG or JPEG of at most 512 KB",
  },
  deleteEmblem: {
    access: "editor",
    summary: "Removes the masthead's emblem",
  },
  importSection: {
    access: "signed_in",
    body: "file",
    summary:
      "Replaces a section's content with a file, live: { filename: *.md|*.docx|*.html|*.htm|*.txt, contentBase64 } -> { warnings, words } (those who may edit its text)",
  },
  importReview: {
    access: "signed_in",
    body: "file",
    summary:
      "Imports a reviewed Word file as review: { filename: *.docx, contentBase64 } -> { suggestions, comments, unplaced, warnings }; tracked changes become suggestions, Word comments threads, the text is unchanged (anyone who may comment)",
  },
  budget: {
    access: "signed_in",
    summary:
      "Budget page: target range, footnote rule, parts, sections, totals, remaining, daily history, projection, timetable",
  },
  updateBudget: {
    access: "editor",
    summary: "Changes { targetRange?: { min, max }, footnotesCount?: boolean }",
  },
  sectionBudget: {
    access: "editor",
    summary: "Sets a section's word allocation: { budget: integer >= 0 | null (outline default) }",
  },
  timetable: {
    access: "editor",
    summary:
      "Replaces the timetable: { milestones: [{ id, label, start, end }] | null (content/timetable.yaml) }",
  },
  sectionHistory: {
    access: "signed_in",
    summary:
      "The section's history, newest first: [{ id, at, from, authors: [{ id, name }], added, removed, kind, name? }] (a group per authors per few minutes)",
  },
  sectionHistoryPoint: {
    access: "signed_in",
    summary:
      "The section's content at a history point (read-only), and what changed since the entry before it, each change under its author: { id, doc, since, compared: { doc, changes } }",
  },
  restoreSection: {
    access: "signed_in",
    summary:
      "Restores a section as a new live change: { history: id } or { version: id } -> { undo: { history }, words } (those who may edit its text)",
  },
  compareSection: {
    access: "signed_in",
    summary:
      "A section compared with a named version, read-only: ?version=ID[&to=ID] -> { sectionId, version, to, doc (insertion/deletion marks), changes: [{ kind, author, date, target, text }] }",
  },
  listVersions: {
    access: "signed_in",
    summary: "Named versions of the report, newest first: [{ id, name, at, by }]",
  },
  createVersion: {
    access: "editor",
    summary:
      "Keeps every section, the outline and the settings (budget and document settings) as a named version: { name } -> { id, name, at, by }",
  },
  version: {
    access: "signed_in",
    summary:
      "One named version: { id, name, at, by, sections, documentSettings, settingsCaptured } (settingsCaptured false: made before versions kept the document settings; those in force are given)",
  },
  deleteVersion: {
    access: "editor",
    summary: "Deletes a named version",
  },
  restoreVersion: {
    access: "editor",
    summary:
      "Restores the report to a named version: its outline first (parts and sections in its order with its titles, allocations and guidance; its archived sections put back; live sections it lacked archived, never deleted, their editors closed with 4410; one outline change, pushed as the `outline` event, audited, marked in the sections' history), then every section that differs, each as a new live change, the budget settings it kept (target range, footnote rule, allocations, timetable) and its document settings and emblem (audited, pushed as the settings event) -> { restored: sectionId[], settings, documentSettings, outlineDiffers, outline: { archived, restored, changed, moved } }",
  },
  createOutlineSection: {
    access: "outline",
    summary:
      "Adds a section: { title, part, after?: sectionId | null, budget?, guidance? } -> { id } (a unique slug of the title); pushed as the `outline` event",
  },
  updateOutlineSection: {
    access: "outline",
    summary:
      "Renames, moves, re-budgets a section: { title?, part?, after?: sectionId | null (first in its part), budget?, guidance?, revision? } (409 outline-conflict when `revision` is stale) -> the report",
  },
  archiveOutlineSection: {
    access: "outline",
    summary:
      "Archives (retires) a section with its text, comments and history, never deleting them; its open editors are closed with 4410 -> the report",
  },
  archivedSections: {
    access: "signed_in",
    summary:
      "The archived sections: { sections: [{ id, title, part, archivedAt, archivedBy, mergedInto?, words }] }",
  },
  restoreOutlineSection: {
    access: "outline",
    summary: "Puts an archived section back at the end of its part -> the report",
  },
  splitOutlineSection: {
    access: "outline",
    summary:
      "Splits a section at a sub-heading: { atHeading: anchor | heading text } -> { id } of the new section right after it, holding the heading and what follows up to the next heading of the same or higher level (with its comments), live",
  },
  mergeOutlineSection: {
    access: "outline",
    summary:
      "Merges a section into another: { into } appends its text under a heading with its title, moves its comments, adds its allocation and leads, archives it (mergedInto) -> the report",
  },
  createOutlinePart: {
    access: "outline",
    summary: "Adds a part: { title, after?: partId | null (first) } -> { id }",
  },
  updateOutlinePart: {
    access: "outline",
    summary:
      "Renames or moves a part: { title?, after?: partId | null (first), revision? } -> the report",
  },
  sectionHeadings: {
    access: "signed_in",
    summary:
      "The section's sub-headings, where it can be split: { headings: [{ anchor, text, level }] }",
  },
  searchEvidence: {
    access: "signed_in",
    summary:
      'Searches the evidence library: ?q=words "phrases"&kind=&question=&group=&region=&country=&actionLine=&sdg=&tag=&limit= -> { total, items: [{ id, kind, title, group, region, country, excerpt }] } (diacritics folded, Chinese/Japanese by substring; excerpt: escaped HTML, matches in mark elements)',
  },
  importEvidence: {
    access: "signed_in",
    body: "file",
    summary:
      "Adds a file to the evidence library: { filename: *.csv|*.xlsx|*.json|*.bib|*.ris|*.docx|*.pdf, contentBase64, kind?: submission|contribution|document|literature } -> { imported, kind, ids, warnings } (editors and drafters; audited)",
  },
  evidenceCodes: {
    access: "signed_in",
    summary:
      "The codebook: { codes: [{ id, name, parent, colour, description, excerpts }] } (nested by parent)",
  },
  createEvidenceCode: {
    access: "signed_in",
    summary:
      "Adds a code: { name, parent?, colour?: #rrggbb, description? } -> the code (names unique among siblings; editors and drafters; audited)",
  },
  updateEvidenceCode: {
    access: "signed_in",
    summary:
      "Renames, moves, recolours or redescribes a code: { name?, parent?, colour?, description? } -> the code (editors and drafters; audited)",
  },
  deleteEvidenceCode: {
    access: "signed_in",
    summary:
      "Deletes a code, its sub-codes moving up: ?mergeInto=codeId re-tags its excerpts, 409 code_in_use without it -> { merged } (editors and drafters; audited)",
  },
  evidenceCodeExcerpts: {
    access: "signed_in",
    summary:
      "The excerpts coded with a code or any code nested under it: { code, excerpts: [{ id, sourceId, sourceTitle, field, start, end, quote, codes, by, at }] }",
  },
  mergeEvidenceCode: {
    access: "signed_in",
    summary:
      "Merges a code into another: { into } -> { merged, moved, code }: the other code tags its excerpts, its sub-codes move under it, it is deleted, in one transaction (404 unknown code, 409 clashing sub-code names; editors and drafters; audited)",
  },
  evidenceExcerptsCsv: {
    access: "signed_in",
    summary:
      "Every coded excerpt under each of its codes as CSV: code path, source, group, region, country, question, quote, by, at (formula-safe)",
  },
  evidenceExcerptsXlsx: {
    access: "signed_in",
    summary: "The coded excerpts as an XLSX workbook (same columns as the CSV)",
  },
  deleteEvidenceExcerpt: {
    access: "signed_in",
    summary: "Deletes a coded excerpt (editors and drafters; audited)",
  },
  evidenceCoverage: {
    access: "signed_in",
    summary:
      "What the report cites of the evidence: ?limit= -> { submissions: { total, cited, byGroup: { group: { total, cited } }, byRegion: {…}, byQuestion: { q1: { answered, cited } } }, sections: [{ id, sources: [sourceId] }], uncited: [{ id, title, kind }] (first `limit`, default 50), uncitedTotal }, from the citations in the sections as stored or live",
  },
  evidenceThemes: {
    access: "signed_in",
    summary:
      "Key phrases (2-4 words, stop words dropped at the edges) of the submissions' answers: ?question=q1..q8&group=&limit= -> { phrases: [{ phrase, submissions, byGroup: { group: n } }] }, counted once per submission, case and diacritics folded (cached until the next import)",
  },
  evidenceThemePassages: {
    access: "signed_in",
    summary:
      "Where a key phrase is used in the submissions' answers: ?phrase=&question=&group= -> { passages: [{ sourceId, title, group, field, start, end, quote }] } (offsets in UTF-16 code units in the answer; first 500)",
  },
  evidenceActionLines: {
    access: "signed_in",
    summary:
      "Submissions per WSIS Action Line: -> { lines: [{ id: C1..C11, title, submissions, fromCodes, fromRules }] }; fromCodes: coded with a code whose name (or an ancestor's) starts with the id; fromRules: answers using one of the Action Line's keywords (case and diacritics folded)",
  },
  actionLineRules: {
    access: "signed_in",
    summary: "The keyword rules of the Action Lines: -> { rules: { C1: [keyword] }, mayEdit }",
  },
  updateActionLineRules: {
    access: "signed_in",
    summary:
      "Replaces the keywords of the Action Lines given: { rules: { C1: [keyword] } } -> { rules, mayEdit } (editors; audited)",
  },
  evidenceSource: {
    access: "signed_in",
    summary: "One source of the evidence library with its metadata, answers and full text",
  },
  updateEvidenceSource: {
    access: "signed_in",
    summary:
      "Corrects a source's metadata: { title?, author?, organisation?, group?, country?, region?, language?, date?, symbol?, url?, actionLines?, sdgs?, tags? } -> the source; every footnote citing it follows (editors and drafters; audited)",
  },
  sourceExcerpts: {
    access: "signed_in",
    summary: "The coded excerpts of one source: { excerpts }",
  },
  createEvidenceExcerpt: {
    access: "signed_in",
    summary:
      "Codes a passage of a source: { field: text|q1..q8, start, end (UTF-16 offsets, end excluded), codes: [codeId] } -> the excerpt (400 if outside the text; editors and drafters; audited)",
  },
  listReports: {
    access: "signed_in",
    summary:
      "The reports the user is a member of (instance administrators: all) with their role in each: { reports, mayCreate }",
  },
  createReport: {
    access: "editor",
    summary:
      "Creates a report from a template: { title, template } -> 201 { id }; the creator is its editor (instance administrators; audited)",
  },
  reportTemplates: {
    access: "signed_in",
    summary:
      "The outlines a new report may start from: { templates: [{ id, title, parts, sections }] }",
  },
  reportMembers: {
    access: "signed_in",
    summary:
      "A report's members and their roles (its editors and instance administrators; 404 for non-members)",
  },
  setReportMember: {
    access: "signed_in",
    summary:
      "Makes a user a member of the report or changes their role: { role } (its editors and instance administrators; audited)",
  },
  removeReportMember: {
    access: "signed_in",
    summary:
      "Removes a member from the report; never its last editor (409) (its editors and instance administrators; audited)",
  },
} as const satisfies Record<ApiPathName, ApiRouteFacts>;

type ApiRoutes = {
  [N in ApiPathName]: (typeof ROUTE_FACTS)[N] & {
    method: Lowercase<(typeof API_METHODS)[N]>;
    path: (typeof API_PATHS)[N];
  };
};

/**
 * Every route of the API. The router is built from this table only, with the session and role
 * checks derived from `access`, so a route cannot be added without saying who may call it; the
 * tests walk it to prove that every non-public route refuses a request without a session.
 */
export const API_ROUTES = Object.fromEntries(
  (Object.keys(ROUTE_FACTS) as ApiPathName[]).map((name) => [
    name,
    { ...ROUTE_FACTS[name], method: API_METHODS[name].toLowerCase(), path: API_PATHS[name] },
  ]),
) as ApiRoutes;

/** The name of one API route. */
export type ApiRouteName = keyof typeof API_ROUTES;
