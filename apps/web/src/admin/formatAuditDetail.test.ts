import { describe, expect, it } from "vitest";
import { formatAuditDetail } from "./formatAuditDetail";

describe("formatAuditDetail", () => {
  it("shows a status change as one line", () => {
    expect(formatAuditDetail({ action: "approve", from: "in_review", to: "approved" })).toBe(
      "action approve · from in_review · to approved",
    );
  });

  it("shows lists and empty values readably", () => {
    expect(formatAuditDetail({ from: [], to: [3, 4], by: null })).toBe(
      "from none · to 3, 4 · by —",
    );
    expect(formatAuditDetail({})).toBe("");
    expect(formatAuditDetail(null)).toBe("");
  });
});
