/**
 * Who may call a route: `public` (anyone: sign-in and health only), `signed_in` (any valid
 * session; finer rules such as the workflow's are checked inside), `editor` (editors only, 403
 * for the other roles).
 */
export type RouteAccess = "public" | "signed_in" | "editor";

/** One route of the JSON API, mounted under `/api`. */
export interface ApiRouteSpec {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** Express path below `/api`. */
  path: string;
  access: RouteAccess;
  /** One line for people: what the route does. */
  summary: string;
  /**
   * `file`: the body carries an uploaded file (base64 in JSON), so it may be as large as
   * RAPPORTEUR_MAX_IMPORT_BYTES allows rather than RAPPORTEUR_MAX_BODY_BYTES.
   */
  body?: "file";
}

/**
 * Every route of the API. The router is built from this table only, with the session and role
 * checks derived from `access`, so a route cannot be added without saying who may call it; the
 * tests walk it to prove that every non-public route refuses a request without a session.
 */
export const API_ROUTES = {
  health: { method: "get", path: "/health", access: "public", summary: "Liveness: { ok: true }" },
  login: {
    method: "post",
    path: "/auth/login",
    access: "public",
    summary: "Sign in with { username, password }: sets the session cookie",
  },
  logout: {
    method: "post",
    path: "/auth/logout",
    access: "signed_in",
    summary: "Ends the session and clears its cookie",
  },
  me: { method: "get", path: "/auth/me", access: "signed_in", summary: "The signed-in user" },
  report: {
    method: "get",
    path: "/report",
    access: "signed_in",
    summary: "The outline with counts, statuses, leads and the caller's access",
  },
  section: {
    method: "get",
    path: "/sections/:id",
    access: "signed_in",
    summary: "One section with its counts, status, leads and the caller's access",
  },
  sectionStatus: {
    method: "post",
    path: "/sections/:id/status",
    access: "signed_in",
    summary: "Workflow: { action: submit | approve | reopen }",
  },
  sectionLeads: {
    method: "put",
    path: "/sections/:id/leads",
    access: "editor",
    summary: "Sets the lead drafters: { leads: userId[] }",
  },
  events: {
    method: "get",
    path: "/events",
    access: "signed_in",
    summary: "Server-Sent Events: wordcount, section, me, comment, budget",
  },
  listUsers: { method: "get", path: "/users", access: "editor", summary: "All accounts" },
  createUser: {
    method: "post",
    path: "/users",
    access: "editor",
    summary: "Adds an account: { username, password, role, displayName? }",
  },
  updateUser: {
    method: "patch",
    path: "/users/:id",
    access: "editor",
    summary: "Changes { role?, active?, displayName? }",
  },
  resetPassword: {
    method: "post",
    path: "/users/:id/password",
    access: "editor",
    summary: "Sets a new { password } and ends the user's sessions",
  },
  audit: {
    method: "get",
    path: "/audit",
    access: "editor",
    summary: "The audit log, newest first: ?limit=&before=&action=",
  },
  sectionComments: {
    method: "get",
    path: "/sections/:id/comments",
    access: "signed_in",
    summary:
      "The section's comment threads with replies, in document order, each `detached` or not",
  },
  createComment: {
    method: "post",
    path: "/sections/:id/comments",
    access: "signed_in",
    summary: "Comments on a range: { anchor, text, suggestion?: { replacement } } (any role)",
  },
  listComments: {
    method: "get",
    path: "/comments",
    access: "signed_in",
    summary: "Every thread of the report in outline order: ?section=&author=<userId>&state=",
  },
  commentMatrixCsv: {
    method: "get",
    path: "/comments/matrix.csv",
    access: "signed_in",
    summary: "The comment/response matrix as CSV (same filters as /comments)",
  },
  commentMatrixDocx: {
    method: "get",
    path: "/comments/matrix.docx",
    access: "signed_in",
    summary: "The comment/response matrix as a Word table (same filters as /comments)",
  },
  replyToComment: {
    method: "post",
    path: "/comments/:id/replies",
    access: "signed_in",
    summary: "Replies to a thread: { text } (any role)",
  },
  resolveComment: {
    method: "post",
    path: "/comments/:id/resolve",
    access: "signed_in",
    summary: "Marks a thread resolved (any role)",
  },
  reopenComment: {
    method: "post",
    path: "/comments/:id/reopen",
    access: "signed_in",
    summary: "Opens a resolved thread again (any role)",
  },
  editComment: {
    method: "patch",
    path: "/comments/:id",
    access: "signed_in",
    summary: "Changes { text?, replacement? } of a comment: its author only (403 not_author)",
  },
  deleteComment: {
    method: "delete",
    path: "/comments/:id",
    access: "signed_in",
    summary: "Deletes a thread and its replies: its author only (403 not_author)",
  },
  acceptSuggestion: {
    method: "post",
    path: "/comments/:id/suggestion/accept",
    access: "signed_in",
    summary: "Applies a suggestion to the section as a live edit: those who may edit the text",
  },
  rejectSuggestion: {
    method: "post",
    path: "/comments/:id/suggestion/reject",
    access: "signed_in",
    summary: "Rejects a suggestion: those who may edit the section's text",
  },
  editReply: {
    method: "patch",
    path: "/replies/:id",
    access: "signed_in",
    summary: "Changes a reply's { text }: its author only (403 not_author)",
  },
  deleteReply: {
    method: "delete",
    path: "/replies/:id",
    access: "signed_in",
    summary: "Deletes a reply: its author only (403 not_author)",
  },
  exportReport: {
    method: "get",
    path: "/export",
    access: "signed_in",
    summary:
      "The report as a file: ?format=docx|md&variant=final|review&section=ID (final DOCX: editors only)",
  },
  importSection: {
    method: "post",
    path: "/sections/:id/import",
    access: "signed_in",
    body: "file",
    summary:
      "Replaces a section's content with a file, live: { filename: *.md|*.docx|*.html|*.htm|*.txt, contentBase64 } -> { warnings, words } (those who may edit its text)",
  },
  budget: {
    method: "get",
    path: "/budget",
    access: "signed_in",
    summary:
      "Budget page: target range, footnote rule, parts, sections, totals, remaining, daily history, projection, timetable",
  },
  updateBudget: {
    method: "put",
    path: "/budget",
    access: "editor",
    summary: "Changes { targetRange?: { min, max }, footnotesCount?: boolean }",
  },
  sectionBudget: {
    method: "put",
    path: "/sections/:id/budget",
    access: "editor",
    summary: "Sets a section's word allocation: { budget: integer >= 0 | null (outline default) }",
  },
  timetable: {
    method: "put",
    path: "/timetable",
    access: "editor",
    summary:
      "Replaces the timetable: { milestones: [{ id, label, start, end }] | null (content/timetable.yaml) }",
  },
} as const satisfies Record<string, ApiRouteSpec>;

/** The name of one API route. */
export type ApiRouteName = keyof typeof API_ROUTES;
