import { FIRST_REPORT_ID } from "@rapporteur/api";

/** A page inside one report. */
export type ReportPage =
  | { kind: "home" }
  | { kind: "section"; sectionId: string }
  | { kind: "audit" }
  | { kind: "review" }
  | { kind: "budget" }
  | { kind: "settings" }
  | { kind: "outline" }
  | { kind: "members" }
  | { kind: "evidence" }
  | { kind: "evidenceSource"; sourceId: number }
  | { kind: "evidenceCoverage" }
  | { kind: "evidenceThemes" };

/** Where the address bar points: the instance's pages, or a page of report `reportId`. */
export type Route =
  | { kind: "root" }
  | { kind: "reports" }
  | { kind: "users" }
  | (ReportPage & { reportId: number })
  | { kind: "notFound"; path: string };

/** A route inside one report. */
export type ReportRoute = Extract<Route, { reportId: number }>;

/** Path of the report list. */
export const REPORTS_PATH = "/reports";

/** Path of the instance administrators' user management page. */
export const USERS_PATH = "/users";

/** Path, inside a report, of the editors' audit log page. */
export const AUDIT_PATH = "/audit";

/** Path, inside a report, of the Review page: every comment thread of the report. */
export const REVIEW_PATH = "/review";

/** Path, inside a report, of the Budget page: words against the target, by part and section. */
export const BUDGET_PATH = "/budget";

/** Path, inside a report, of the Document settings page: masthead and first page of the exports. */
export const SETTINGS_PATH = "/settings";

/** Path, inside a report, of the Outline page: its parts and sections, restructured by editors. */
export const OUTLINE_PATH = "/outline";

/** Path, inside a report, of the Members page: who works on the report, in which role. */
export const MEMBERS_PATH = "/members";

/** Path, inside a report, of the Evidence page: search and import of the evidence library. */
export const EVIDENCE_PATH = "/evidence";

/** Path, inside a report, of the Coverage page: what of the evidence the report cites. */
export const EVIDENCE_COVERAGE_PATH = "/evidence/coverage";

/** Path, inside a report, of the Themes page: key phrases of the submissions and Action Lines. */
export const EVIDENCE_THEMES_PATH = "/evidence/themes";

/** Path of report `reportId`'s page `page` (one of the `*_PATH` above; none: its home). */
export function reportPath(reportId: number, page = ""): string {
  return `${REPORTS_PATH}/${reportId}${page}`;
}

/** Path of a section's page in report `reportId`. */
export function sectionPath(reportId: number, sectionId: string): string {
  return reportPath(reportId, `/sections/${encodeURIComponent(sectionId)}`);
}

/** Path of one source of report `reportId`'s evidence library. */
export function evidenceSourcePath(reportId: number, sourceId: number): string {
  return reportPath(reportId, `${EVIDENCE_PATH}/${sourceId}`);
}

const PAGES: Record<string, ReportPage> = {
  "": { kind: "home" },
  [AUDIT_PATH]: { kind: "audit" },
  [REVIEW_PATH]: { kind: "review" },
  [BUDGET_PATH]: { kind: "budget" },
  [SETTINGS_PATH]: { kind: "settings" },
  [OUTLINE_PATH]: { kind: "outline" },
  [MEMBERS_PATH]: { kind: "members" },
  [EVIDENCE_PATH]: { kind: "evidence" },
  [EVIDENCE_COVERAGE_PATH]: { kind: "evidenceCoverage" },
  [EVIDENCE_THEMES_PATH]: { kind: "evidenceThemes" },
};

/** The page of a report at `page` (the path below `/reports/<id>`), or null. */
function parseReportPage(page: string): ReportPage | null {
  if (Object.hasOwn(PAGES, page)) return PAGES[page] ?? null;
  const source = /^\/evidence\/([1-9][0-9]{0,14})$/.exec(page);
  if (source?.[1]) return { kind: "evidenceSource", sourceId: Number(source[1]) };
  const match = /^\/sections\/([^/]+)$/.exec(page);
  if (match?.[1]) {
    try {
      return { kind: "section", sectionId: decodeURIComponent(match[1]) };
    } catch {
      return null;
    }
  }
  return null;
}

function pathOf(pathname: string): string {
  // A path given to `navigate` may carry a query (the Evidence page keeps its search there).
  return pathname.replace(/[?#].*$/s, "").replace(/\/+$/, "") || "/";
}

/**
 * Reads a location pathname: `/`, `/reports`, `/users`, and a report's pages at
 * `/reports/<id>/...`. The unprefixed pages of a single-report install (`/sections/<id>`,
 * `/budget`...) are the first report's, so that saved links keep working.
 */
export function parseRoute(pathname: string): Route {
  const path = pathOf(pathname);
  if (path === "/") return { kind: "root" };
  if (path === REPORTS_PATH) return { kind: "reports" };
  if (path === USERS_PATH) return { kind: "users" };
  const scoped = /^\/reports\/([1-9][0-9]{0,14})(\/.*)?$/.exec(path);
  const reportId = scoped ? Number(scoped[1]) : FIRST_REPORT_ID;
  const page = parseReportPage(scoped ? (scoped[2] ?? "") : path);
  if (!page) return { kind: "notFound", path };
  return { ...page, reportId };
}

/**
 * The `/reports/<id>/...` address of an unprefixed page of the first report (`/sections/p1`
 * -> `/reports/1/sections/p1`, query and fragment kept), or null when `location` is not one.
 */
export function scopedLocation(location: string): string | null {
  const path = pathOf(location);
  if (path === "/" || path === REPORTS_PATH || path.startsWith(`${REPORTS_PATH}/`)) return null;
  if (path === USERS_PATH || !parseReportPage(path)) return null;
  const rest = location.slice(location.search(/[?#]|$/));
  return `${reportPath(FIRST_REPORT_ID, path)}${rest}`;
}
