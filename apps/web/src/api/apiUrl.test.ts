import { afterEach, describe, expect, it } from "vitest";
import { apiUrl, scopeApiToReport } from "./apiUrl";

describe("apiUrl", () => {
  afterEach(() => scopeApiToReport(1));

  it("builds the URL of a named route of the open report with its parameters and query", () => {
    expect(apiUrl("events")).toBe("/api/reports/1/events");
    expect(apiUrl("sectionHistoryPoint", { id: "p1-access", historyId: "s12" })).toBe(
      "/api/reports/1/sections/p1-access/history/s12",
    );
    expect(apiUrl("commentMatrixCsv", {}, new URLSearchParams({ state: "open" }))).toBe(
      "/api/reports/1/comments/matrix.csv?state=open",
    );
    expect(apiUrl("listComments", {}, new URLSearchParams())).toBe("/api/reports/1/comments");
  });

  it("calls the report that is open, and the instance's routes unscoped", () => {
    scopeApiToReport(2);
    expect(apiUrl("report")).toBe("/api/reports/2/report");
    expect(apiUrl("events")).toBe("/api/reports/2/events");
    expect(apiUrl("sectionStatus", { id: "p1-access" })).toBe(
      "/api/reports/2/sections/p1-access/status",
    );
    expect(apiUrl("me")).toBe("/api/auth/me");
    expect(apiUrl("listReports")).toBe("/api/reports");
    expect(apiUrl("listUsers")).toBe("/api/users");
    expect(apiUrl("reportMembers", { reportId: 3 })).toBe("/api/reports/3/members");
  });

  it("refuses a route whose parameter is missing rather than calling `:id`", () => {
    expect(() => apiUrl("deleteVersion")).toThrow(/missing parameter id/);
  });
});
