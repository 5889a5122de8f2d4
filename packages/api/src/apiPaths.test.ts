import { isSectionId } from "@rapporteur/outline/sectionId";
import { describe, expect, it } from "vitest";
import { apiPath, isReportRoute, reportApiPath } from "./apiPaths";

describe("apiPath", () => {
  it("fills and encodes the route's parameters", () => {
    expect(apiPath("sectionStatus", { id: "p1-access" })).toBe("/sections/p1-access/status");
    expect(apiPath("section", { id: "a/b" })).toBe("/sections/a%2Fb");
    expect(apiPath("report")).toBe("/report");
  });

  it("refuses a path with a missing parameter rather than sending ':id'", () => {
    expect(() => apiPath("section")).toThrow(/missing parameter id/);
  });
});

describe("isSectionId", () => {
  it("accepts outline slugs and refuses paths, upper case and over-long ids", () => {
    expect(isSectionId("p1-access")).toBe(true);
    expect(isSectionId("../etc")).toBe(false);
    expect(isSectionId("P1")).toBe(false);
    expect(isSectionId("a".repeat(101))).toBe(false);
    expect(isSectionId(42)).toBe(false);
  });
});

describe("reportApiPath", () => {
  it("puts a report's routes below its id and leaves the instance's routes alone", () => {
    expect(reportApiPath(2, "sectionStatus", { id: "p1-access" })).toBe(
      "/reports/2/sections/p1-access/status",
    );
    expect(reportApiPath(2, "events")).toBe("/reports/2/events");
    expect(reportApiPath(2, "login")).toBe("/auth/login");
    expect(reportApiPath(2, "reportMembers", { reportId: 2 })).toBe("/reports/2/members");
    expect(isReportRoute("listUsers")).toBe(false);
    expect(isReportRoute("exportReport")).toBe(true);
  });
});
