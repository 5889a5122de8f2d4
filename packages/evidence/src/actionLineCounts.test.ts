import { describe, expect, it } from "vitest";
import { actionLineOfCodeName } from "./ActionLineStore";
import { actionLineCounts } from "./actionLineCounts";
import type { SubmissionAnswers } from "./source";

const submissions: SubmissionAnswers[] = [
  { id: 1, title: "A", group: null, answers: { q1: "Cyber-security incidents rose." } },
  { id: 2, title: "B", group: null, answers: { q2: "La cybersécurité avant tout." } },
  { id: 3, title: "C", group: null, answers: { q3: "Security of networks." } },
];

describe("actionLineOfCodeName", () => {
  it.each([
    ["C5", "C5"],
    ["c5: Confidence and security", "C5"],
    ["C10 Ethics", "C10"],
    ["C12", null],
    ["Access C3", null],
  ])("%s -> %s", (name, line) => {
    expect(actionLineOfCodeName(name)).toBe(line);
  });
});

describe("actionLineCounts", () => {
  it("counts distinct submissions from codes and from folded keyword rules", () => {
    const lines = actionLineCounts(
      submissions,
      { C5: new Set([3, 99]) },
      { C5: ["cyber security", "cybersecurite"] },
    );
    expect(lines).toHaveLength(11);
    expect(lines[4]).toEqual({
      id: "C5",
      title: "Building confidence and security in the use of ICTs",
      submissions: 3,
      fromCodes: 1,
      fromRules: 2,
    });
    expect(lines[0]).toMatchObject({ id: "C1", submissions: 0, fromCodes: 0, fromRules: 0 });
  });
});
