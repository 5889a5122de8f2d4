import { describe, expect, it } from "vitest";
import { parseRoute, sectionPath } from "./parseRoute";

describe("parseRoute", () => {
  it.each([
    ["/", { kind: "home" }],
    ["", { kind: "home" }],
    ["/sections/p1-access", { kind: "section", sectionId: "p1-access" }],
    ["/sections/p1-access/", { kind: "section", sectionId: "p1-access" }],
    ["/sections/", { kind: "notFound", path: "/sections" }],
    ["/sections/%E0%A4%A", { kind: "notFound", path: "/sections/%E0%A4%A" }],
    ["/users", { kind: "users" }],
    ["/audit/", { kind: "audit" }],
    ["/budget", { kind: "budget" }],
    ["/outline/", { kind: "outline" }],
    ["/evidence", { kind: "evidence" }],
    ["/evidence?q=%22digital+divide%22&kind=submission", { kind: "evidence" }],
    ["/evidence/42", { kind: "evidenceSource", sourceId: 42 }],
    ["/evidence/coverage", { kind: "evidenceCoverage" }],
    ["/evidence/coverage/", { kind: "evidenceCoverage" }],
    ["/evidence/themes", { kind: "evidenceThemes" }],
    ["/evidence/themes?question=q2", { kind: "evidenceThemes" }],
    ["/evidence/0", { kind: "notFound", path: "/evidence/0" }],
    ["/evidence/x", { kind: "notFound", path: "/evidence/x" }],
    ["/elsewhere", { kind: "notFound", path: "/elsewhere" }],
  ])("%j opens %j", (pathname, route) => {
    expect(parseRoute(pathname)).toEqual(route);
  });

  it("round-trips section paths", () => {
    expect(parseRoute(sectionPath("p2-human-rights"))).toEqual({
      kind: "section",
      sectionId: "p2-human-rights",
    });
  });
});
