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
  searchEvidence: "/evidence",
  importEvidence: "/evidence/import",
  // Before `/evidence/:id`, which would take "coverage" for an id.
  evidenceCoverage: "/evidence/coverage",
  evidenceSource: "/evidence/:id",
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
  searchEvidence: "GET",
  importEvidence: "POST",
  evidenceCoverage: "GET",
  evidenceSource: "GET",
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
