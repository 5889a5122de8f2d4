import { describe, expect, it } from "vitest";
import { parseSectionEvent } from "./parseSectionEvent";

describe("parseSectionEvent", () => {
  it("reads a section's new status, lock and leads", () => {
    const data = JSON.stringify({
      sectionId: "p1-access",
      status: "approved",
      locked: true,
      leads: [{ id: 2, username: "amina", displayName: "Amina Diallo", extra: 1 }],
      updatedBy: "Maria Editor",
    });
    expect(parseSectionEvent(data)).toEqual({
      sectionId: "p1-access",
      status: "approved",
      locked: true,
      leads: [{ id: 2, username: "amina", displayName: "Amina Diallo" }],
      updatedBy: "Maria Editor",
    });
  });

  it.each([
    "not json",
    "null",
    '{"sectionId":"x","status":"published","locked":false,"leads":[]}',
    '{"sectionId":"x","status":"approved","locked":"yes","leads":[]}',
    '{"sectionId":"x","status":"approved","locked":true,"leads":[{"id":"2"}]}',
  ])("ignores %j instead of showing a wrong status", (data) => {
    expect(parseSectionEvent(data)).toBeNull();
  });
});
