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
    summary: "Server-Sent Events: wordcount, section, me",
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
} as const satisfies Record<string, ApiRouteSpec>;

/** The name of one API route. */
export type ApiRouteName = keyof typeof API_ROUTES;
