import { describe, expect, it } from "vitest";
import {
  BUDGET_PATH,
  evidenceSourcePath,
  parseRoute,
  reportPath,
  scopedLocation,
  sectionPath,
} from "./parseRoute";

describe("parseRoute", () => {
  it.each([
    ["/", { kind: "root" }],
    ["", { kind: "root" }],
    ["/reports", { kind: "reports" }],
    ["/reports/", { kind: "reports" }],
    ["/users", { kind: "users" }],
    ["/reports/2", { kind: "home", reportId: 2 }],
    ["/reports/2/", { kind: "home", reportId: 2 }],
    ["/reports/2/sections/p1-access", { kind: "section", sectionId: "p1-access", reportId: 2 }],
    ["/reports/12/members", { kind: "members", reportId: 12 }],
    ["/reports/3/audit", { kind: "audit", reportId: 3 }],
    ["/reports/2/review", { kind: "review", reportId: 2 }],
    ["/reports/2/settings", { kind: "settings", reportId: 2 }],
    ["/reports/2/evidence/42", { kind: "evidenceSource", sourceId: 42, reportId: 2 }],
    ["/reports/2/evidence/themes?question=q2", { kind: "evidenceThemes", reportId: 2 }],
    ["/reports/0", { kind: "notFound", path: "/reports/0" }],
    ["/reports/x/budget", { kind: "notFound", path: "/reports/x/budget" }],
    ["/reports/2/elsewhere", { kind: "notFound", path: "/reports/2/elsewhere" }],
    ["/reports/2/users", { kind: "notFound", path: "/reports/2/users" }],
  ])("%j opens %j", (pathname, route) => {
    expect(parseRoute(pathname)).toEqual(route);
  });

  it.each([
    ["/sections/p1-access", { kind: "section", sectionId: "p1-access", reportId: 1 }],
    ["/sections/p1-access/", { kind: "section", sectionId: "p1-access", reportId: 1 }],
    ["/sections/", { kind: "notFound", path: "/sections" }],
    ["/sections/%E0%A4%A", { kind: "notFound", path: "/sections/%E0%A4%A" }],
    ["/audit/", { kind: "audit", reportId: 1 }],
    ["/budget", { kind: "budget", reportId: 1 }],
    ["/outline/", { kind: "outline", reportId: 1 }],
    ["/members", { kind: "members", reportId: 1 }],
    ["/evidence", { kind: "evidence", reportId: 1 }],
    ["/evidence?q=%22digital+divide%22&kind=submission", { kind: "evidence", reportId: 1 }],
    ["/evidence/42", { kind: "evidenceSource", sourceId: 42, reportId: 1 }],
    ["/evidence/coverage/", { kind: "evidenceCoverage", reportId: 1 }],
    ["/evidence/0", { kind: "notFound", path: "/evidence/0" }],
    ["/evidence/x", { kind: "notFound", path: "/evidence/x" }],
    ["/elsewhere", { kind: "notFound", path: "/elsewhere" }],
    ["/__proto__", { kind: "notFound", path: "/__proto__" }],
  ])("the saved single-report link %j still opens %j of the first report", (pathname, route) => {
    expect(parseRoute(pathname)).toEqual(route);
  });

  it("round-trips the paths it builds", () => {
    expect(sectionPath(2, "p2-human-rights")).toBe("/reports/2/sections/p2-human-rights");
    expect(parseRoute(sectionPath(2, "p2-human-rights"))).toEqual({
      kind: "section",
      sectionId: "p2-human-rights",
      reportId: 2,
    });
    expect(reportPath(4)).toBe("/reports/4");
    expect(parseRoute(reportPath(4, BUDGET_PATH))).toEqual({ kind: "budget", reportId: 4 });
    expect(evidenceSourcePath(3, 17)).toBe("/reports/3/evidence/17");
  });
});

describe("scopedLocation", () => {
  it("moves a saved unprefixed link to the first report's address, query and fragment kept", () => {
    expect(scopedLocation("/sections/p1-access")).toBe("/reports/1/sections/p1-access");
    expect(scopedLocation("/evidence?q=gender#hit")).toBe("/reports/1/evidence?q=gender#hit");
    expect(scopedLocation("/budget/")).toBe("/reports/1/budget");
  });

  it("leaves the instance's pages, scoped pages and unknown paths alone", () => {
    expect(scopedLocation("/")).toBeNull();
    expect(scopedLocation("/reports")).toBeNull();
    expect(scopedLocation("/reports/2/budget")).toBeNull();
    expect(scopedLocation("/users")).toBeNull();
    expect(scopedLocation("/elsewhere")).toBeNull();
  });
});
