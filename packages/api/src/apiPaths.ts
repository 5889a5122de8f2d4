/**
 * Paths of the JSON API below `/api`, by route name: Express patterns (`:id` is a parameter).
 * The server mounts its routes on these; the web builds its requests with {@link apiPath}.
 */
export const API_PATHS = {
  health: "/health",
  login: "/auth/login",
  logout: "/auth/logout",
  me: "/auth/me",
  report: "/report",
  section: "/sections/:id",
  sectionStatus: "/sections/:id/status",
  sectionLeads: "/sections/:id/leads",
  events: "/events",
  listUsers: "/users",
  createUser: "/users",
  updateUser: "/users/:id",
  resetPassword: "/users/:id/password",
  audit: "/audit",
  sectionComments: "/sections/:id/comments",
  createComment: "/sections/:id/comments",
  listComments: "/comments",
  commentMatrixCsv: "/comments/matrix.csv",
  commentMatrixDocx: "/comments/matrix.docx",
  replyToComment: "/comments/:id/replies",
  resolveComment: "/comments/:id/resolve",
  reopenComment: "/comments/:id/reopen",
  editComment: "/comments/:id",
  deleteComment: "/comments/:id",
  acceptSuggestion: "/comments/:id/suggestion/accept",
  rejectSuggestion: "/comments/:id/suggestion/reject",
  editReply: "/replies/:id",
  deleteReply: "/replies/:id",
  exportReport: "/export",
  exportPreflight: "/export/preflight",
  documentSettings: "/report/settings",
  updateDocumentSettings: "/report/settings",
  reportNumbering: "/report/numbering",
  anchorBlock: "/sections/:id/anchors",
  emblem: "/report/settings/emblem",
  uploadEmblem: "/report/settings/emblem",
  deleteEmblem: "/report/settings/emblem",
  importSection: "/sections/:id/import",
  importReview: "/sections/:id/import-review",
  budget: "/budget",
  updateBudget: "/budget",
  sectionBudget: "/sections/:id/budget",
  timetable: "/timetable",
  listVersions: "/versions",
  compareSection: "/sections/:id/compare",
  sectionHistory: "/sections/:id/history",
  sectionHistoryPoint: "/sections/:id/history/:historyId",
  restoreSection: "/sections/:id/restore",
  createVersion: "/versions",
  version: "/versions/:id",
  deleteVersion: "/versions/:id",
  restoreVersion: "/versions/:id/restore",
  createOutlineSection: "/outline/sections",
  updateOutlineSection: "/outline/sections/:id",
  archiveOutlineSection: "/outline/sections/:id",
  archivedSections: "/outline/archived",
  restoreOutlineSection: "/outline/sections/:id/restore",
  splitOutlineSection: "/outline/sections/:id/split",
  mergeOutlineSection: "/outline/sections/:id/merge",
  createOutlinePart: "/outline/parts",
  updateOutlinePart: "/outline/parts/:id",
  sectionHeadings: "/sections/:id/headings",
  searchEvidence: "/evidence",
  importEvidence: "/evidence/import",
  evidenceCodes: "/evidence/codes",
  createEvidenceCode: "/evidence/codes",
  updateEvidenceCode: "/evidence/codes/:id",
  deleteEvidenceCode: "/evidence/codes/:id",
  evidenceCodeExcerpts: "/evidence/codes/:id/excerpts",
  mergeEvidenceCode: "/evidence/codes/:id/merge",
  evidenceExcerptsCsv: "/evidence/excerpts.csv",
  evidenceExcerptsXlsx: "/evidence/excerpts.xlsx",
  deleteEvidenceExcerpt: "/evidence/excerpts/:id",
  // Before `/evidence/:id`, which would take "coverage" for an id.
  evidenceCoverage: "/evidence/coverage",
  evidenceThemes: "/evidence/themes",
  evidenceThemePassages: "/evidence/themes/passages",
  evidenceActionLines: "/evidence/action-lines",
  actionLineRules: "/evidence/action-line-rules",
  updateActionLineRules: "/evidence/action-line-rules",
  evidenceSource: "/evidence/:id",
  updateEvidenceSource: "/evidence/:id",
  sourceExcerpts: "/evidence/:id/excerpts",
  createEvidenceExcerpt: "/evidence/:id/excerpts",
  listReports: "/reports",
  createReport: "/reports",
  reportTemplates: "/report-templates",
  reportMembers: "/reports/:reportId/members",
  setReportMember: "/reports/:reportId/members/:userId",
  removeReportMember: "/reports/:reportId/members/:userId",
} as const;

/** The name of a route of the JSON API. */
export type ApiPathName = keyof typeof API_PATHS;

/** An HTTP method of the JSON API. */
export type ApiMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** The method of each route, by route name (the server's route table declares the same). */
export const API_METHODS = {
  health: "GET",
  login: "POST",
  logout: "POST",
  me: "GET",
  report: "GET",
  section: "GET",
  sectionStatus: "POST",
  sectionLeads: "PUT",
  events: "GET",
  listUsers: "GET",
  createUser: "POST",
  updateUser: "PATCH",
  resetPassword: "POST",
  audit: "GET",
  sectionComments: "GET",
  createComment: "POST",
  listComments: "GET",
  commentMatrixCsv: "GET",
  commentMatrixDocx: "GET",
  replyToComment: "POST",
  resolveComment: "POST",
  reopenComment: "POST",
  editComment: "PATCH",
  deleteComment: "DELETE",
  acceptSuggestion: "POST",
  rejectSuggestion: "POST",
  editReply: "PATCH",
  deleteReply: "DELETE",
  exportReport: "GET",
  exportPreflight: "GET",
  documentSettings: "GET",
  updateDocumentSettings: "PUT",
  reportNumbering: "GET",
  anchorBlock: "POST",
  emblem: "GET",
  uploadEmblem: "PUT",
  deleteEmblem: "DELETE",
  importSection: "POST",
  importReview: "POST",
  budget: "GET",
  updateBudget: "PUT",
  sectionBudget: "PUT",
  timetable: "PUT",
  listVersions: "GET",
  compareSection: "GET",
  sectionHistory: "GET",
  sectionHistoryPoint: "GET",
  restoreSection: "POST",
  createVersion: "POST",
  version: "GET",
  deleteVersion: "DELETE",
  restoreVersion: "POST",
  createOutlineSection: "POST",
  updateOutlineSection: "PATCH",
  archiveOutlineSection: "DELETE",
  archivedSections: "GET",
  restoreOutlineSection: "POST",
  splitOutlineSection: "POST",
  mergeOutlineSection: "POST",
  createOutlinePart: "POST",
  updateOutlinePart: "PATCH",
  sectionHeadings: "GET",
  searchEvidence: "GET",
  importEvidence: "POST",
  evidenceCodes: "GET",
  createEvidenceCode: "POST",
  updateEvidenceCode: "PATCH",
  deleteEvidenceCode: "DELETE",
  evidenceCodeExcerpts: "GET",
  mergeEvidenceCode: "POST",
  evidenceExcerptsCsv: "GET",
  evidenceExcerptsXlsx: "GET",
  deleteEvidenceExcerpt: "DELETE",
  evidenceCoverage: "GET",
  evidenceThemes: "GET",
  evidenceThemePassages: "GET",
  evidenceActionLines: "GET",
  actionLineRules: "GET",
  updateActionLineRules: "PUT",
  evidenceSource: "GET",
  updateEvidenceSource: "PATCH",
  sourceExcerpts: "GET",
  createEvidenceExcerpt: "POST",
  listReports: "GET",
  createReport: "POST",
  reportTemplates: "GET",
  reportMembers: "GET",
  setReportMember: "PUT",
  removeReportMember: "DELETE",
} as const satisfies Record<ApiPathName, ApiMethod>;

/**
 * The path of route `name` below `/api` with its `:parameters` filled in (URI-encoded), e.g.
 * `apiPath("sectionStatus", { id: "p1-access" })` is `/sections/p1-access/status`.
 */
export function apiPath(name: ApiPathName, params: Record<string, string | number> = {}): string {
  return API_PATHS[name].replace(/:([A-Za-z]+)/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`apiPath(${name}): missing parameter ${key}`);
    return encodeURIComponent(String(value));
  });
}

/**
 * Routes of the instance rather than of one report: accounts, sessions, the report list and its
 * members. Every other route belongs to a report and is served at `/api/reports/:reportId<path>`
 * (see {@link reportApiPath}), and, for the instance's first report, also at `/api<path>`.
 */
export const INSTANCE_ROUTES = [
  "health",
  "login",
  "logout",
  "me",
  "listUsers",
  "createUser",
  "updateUser",
  "resetPassword",
  "listReports",
  "createReport",
  "reportTemplates",
  "reportMembers",
  "setReportMember",
  "removeReportMember",
] as const satisfies readonly ApiPathName[];

/** A route served once per instance. */
export type InstanceRouteName = (typeof INSTANCE_ROUTES)[number];

/** True when route `name` belongs to a report (served below `/api/reports/:reportId`). */
export function isReportRoute(name: ApiPathName): boolean {
  return !(INSTANCE_ROUTES as readonly string[]).includes(name);
}

/** Where a report's routes are mounted below `/api` (Express pattern). */
export const REPORT_API_PREFIX = "/reports/:reportId";

/**
 * The path below `/api` of route `name` in report `reportId`: `/reports/<id><path>` for a report's
 * route, the plain path for an instance route.
 */
export function reportApiPath(
  reportId: number,
  name: ApiPathName,
  params: Record<string, string | number> = {},
): string {
  const path = apiPath(name, params);
  return isReportRoute(name) ? `/reports/${reportId}${path}` : path;
}
