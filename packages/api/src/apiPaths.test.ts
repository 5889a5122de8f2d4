import { isSectionId } from "@rapporteur/outline/sectionId";
import { describe, expect, it } from "vitest";
import { apiPath } from "./apiPaths";

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
