import { describe, expect, it } from "vitest";
import { allowedActions, canEditText, nextStatus, WorkflowError } from "./sectionStatus";

describe("section workflow", () => {
  it.each([
    ["drafting", "submit", "drafter", "in_review"],
    ["drafting", "submit", "editor", "in_review"],
    ["in_review", "approve", "editor", "approved"],
    ["approved", "reopen", "editor", "drafting"],
    ["in_review", "reopen", "editor", "drafting"],
  ] as const)("%s --%s by %s--> %s", (from, action, role, to) => {
    expect(nextStatus(from, action, role)).toBe(to);
  });

  it.each([
    ["in_review", "approve", "drafter", /drafter cannot approve/],
    ["drafting", "submit", "reviewer", /reviewer cannot submit/],
    ["approved", "submit", "drafter", /approved cannot/],
    ["drafting", "reopen", "editor", /drafting cannot/],
  ] as const)("refuses %s --%s by %s", (from, action, role, message) => {
    expect(() => nextStatus(from, action, role)).toThrow(WorkflowError);
    expect(() => nextStatus(from, action, role)).toThrow(message);
  });

  it("offers each role exactly the transitions nextStatus accepts", () => {
    expect(allowedActions("drafter", "drafting")).toEqual(["submit"]);
    expect(allowedActions("drafter", "in_review")).toEqual([]);
    expect(allowedActions("editor", "drafting")).toEqual(["submit", "approve"]);
    expect(allowedActions("editor", "in_review")).toEqual(["approve", "reopen"]);
    expect(allowedActions("editor", "approved")).toEqual(["reopen"]);
    expect(allowedActions("reviewer", "in_review")).toEqual([]);
  });

  it("locks approved sections for everyone but editors; reviewers never edit text", () => {
    expect(canEditText("drafter", "drafting")).toBe(true);
    expect(canEditText("drafter", "in_review")).toBe(true);
    expect(canEditText("drafter", "approved")).toBe(false);
    expect(canEditText("editor", "approved")).toBe(true);
    expect(canEditText("reviewer", "drafting")).toBe(false);
  });
});
