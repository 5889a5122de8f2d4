import { describe, expect, it } from "vitest";
import { collabTarget } from "./collabDispatch";

describe("collabTarget", () => {
  it("sends /collab/<reportId>/<sectionId> to that report and /collab/<sectionId> to the first", () => {
    expect(collabTarget("/collab/2/p1-access?x=1")).toEqual({
      reportId: 2,
      target: "/collab/p1-access?x=1",
    });
    expect(collabTarget("/collab/p1-access")).toEqual({ reportId: 1, target: "/collab/p1-access" });
    // A section id made of digits alone is still a section of the first report.
    expect(collabTarget("/collab/2024")).toEqual({ reportId: 1, target: "/collab/2024" });
  });

  it("leaves malformed report ids to the first report's path check (4400)", () => {
    expect(collabTarget("/collab/02/p1-access").reportId).toBe(1);
    expect(collabTarget("/collab/0/p1-access").reportId).toBe(1);
    expect(collabTarget("/collab/2/a/b").target).toBe("/collab/a/b");
  });
});
