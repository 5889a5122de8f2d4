import { describe, expect, it } from "vitest";
import { apiUrl } from "./apiUrl";

describe("apiUrl", () => {
  it("builds the URL of a named route with its parameters and query", () => {
    expect(apiUrl("events")).toBe("/api/events");
    expect(apiUrl("sectionHistoryPoint", { id: "p1-access", historyId: "s12" })).toBe(
      "/api/sections/p1-access/history/s12",
    );
    expect(apiUrl("commentMatrixCsv", {}, new URLSearchParams({ state: "open" }))).toBe(
      "/api/comments/matrix.csv?state=open",
    );
    expect(apiUrl("listComments", {}, new URLSearchParams())).toBe("/api/comments");
  });

  it("refuses a route whose parameter is missing rather than calling `:id`", () => {
    expect(() => apiUrl("deleteVersion")).toThrow(/missing parameter id/);
  });
});
