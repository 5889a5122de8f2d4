/** Where the address bar points. */
export type Route =
  | { kind: "home" }
  | { kind: "section"; sectionId: string }
  | { kind: "users" }
  | { kind: "audit" }
  | { kind: "review" }
  | { kind: "budget" }
  | { kind: "settings" }
  | { kind: "outline" }
  | { kind: "evidence" }
  | { kind: "evidenceSource"; sourceId: number }
  | { kind: "evidenceCoverage" }
  | { kind: "evidenceThemes" }
  | { kind: "notFound"; path: string };

/** Path of a section's page. */
export function sectionPath(sectionId: string): string {
  return `/sections/${encodeURIComponent(sectionId)}`;
}

/** Path of the editors' user management page. */
export const USERS_PATH = "/users";

/** Path of the editors' audit log page. */
export const AUDIT_PATH = "/audit";

/** Path of the Review page: every comment thread of the report. */
export const REVIEW_PATH = "/review";

/** Path of the Budget page: words against the target, by part and section. */
export const BUDGET_PATH = "/budget";

/** Path of the Document settings page: masthead and first page of the exports. */
export const SETTINGS_PATH = "/settings";

/** Path of the Outline page: the report's parts and sections, restructured there by editors. */
export const OUTLINE_PATH = "/outline";

/** Path of the Evidence page: search and import of the evidence library. */
export const EVIDENCE_PATH = "/evidence";

/** Path of the Coverage page: what of the evidence the report cites. */
export const EVIDENCE_COVERAGE_PATH = "/evidence/coverage";

/** Path of the Themes page: key phrases of the submissions and the Action Lines they address. */
export const EVIDENCE_THEMES_PATH = "/evidence/themes";

/** Path of one source of the evidence library. */
export function evidenceSourcePath(sourceId: number): string {
  return `${EVIDENCE_PATH}/${sourceId}`;
}

/** Reads a location pathname: `/`, `/sections/<id>`, `/users` and `/audit` are the app's pages. */
export function parseRoute(pathname: string): Route {
  // A path given to `navigate` may carry a query (the Evidence page keeps its search there).
  const path = pathname.replace(/[?#].*$/s, "").replace(/\/+$/, "") || "/";
  if (path === "/") return { kind: "home" };
  if (path === USERS_PATH) return { kind: "users" };
  if (path === AUDIT_PATH) return { kind: "audit" };
  if (path === REVIEW_PATH) return { kind: "review" };
  if (path === BUDGET_PATH) return { kind: "budget" };
  if (path === SETTINGS_PATH) return { kind: "settings" };
  if (path === OUTLINE_PATH) return { kind: "outline" };
  if (path === EVIDENCE_PATH) return { kind: "evidence" };
  if (path === EVIDENCE_COVERAGE_PATH) return { kind: "evidenceCoverage" };
  if (path === EVIDENCE_THEMES_PATH) return { kind: "evidenceThemes" };
  const source = /^\/evidence\/([1-9][0-9]{0,14})$/.exec(path);
  if (source?.[1]) return { kind: "evidenceSource", sourceId: Number(source[1]) };
  const match = /^\/sections\/([^/]+)$/.exec(path);
  if (match?.[1]) {
    try {
      return { kind: "section", sectionId: decodeURIComponent(match[1]) };
    } catch {
      return { kind: "notFound", path };
    }
  }
  return { kind: "notFound", path };
}
