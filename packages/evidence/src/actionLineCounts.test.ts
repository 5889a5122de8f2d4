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
      fromMetadata: 0,
      fromRules: 2,
    });
    expect(lines[0]).toMatchObject({ id: "C1", submissions: 0, fromCodes: 0, fromRules: 0 });
  });

  it("counts a submission's own Action Lines (metadata) once with its codes and rules", () => {
    const withMetadata: SubmissionAnswers[] = [
      { ...submissions[0]!, actionLines: ["C5", "C7"] },
      { ...submissions[1]!, actionLines: ["C7"] },
      { ...submissions[2]!, actionLines: [] },
      { id: 4, title: "D", group: null, answers: {}, actionLines: ["C1"] },
    ];
    const lines = actionLineCounts(withMetadata, { C5: new Set([1]) }, { C5: ["cyber security"] });
    const line = (id: string) => lines.find((found) => found.id === id);
    // Submission 1 is coded, named in its metadata and matches the rule: counted once.
    expect(line("C5")).toMatchObject({
      submissions: 1,
      fromCodes: 1,
      fromMetadata: 1,
      fromRules: 1,
    });
    expect(line("C7")).toMatchObject({
      submissions: 2,
      fromCodes: 0,
      fromMetadata: 2,
      fromRules: 0,
    });
    // A submission without answers still addresses what its metadata names.
    expect(line("C1")).toMatchObject({ submissions: 1, fromMetadata: 1 });
    expect(line("C2")).toMatchObject({ submissions: 0, fromMetadata: 0 });
  });

  it("matches Chinese and Japanese keywords inside text written without spaces", () => {
    const cjk: SubmissionAnswers[] = [
      { id: 1, title: "A", group: null, answers: { q1: "我们重视网络安全和数据保护。" } },
      { id: 2, title: "B", group: null, answers: { q1: "サイバーセキュリティの強化が必要です。" } },
      { id: 3, title: "C", group: null, answers: { q1: "Network security matters." } },
    ];
    const lines = actionLineCounts(cjk, {}, { C5: ["网络安全", "セキュリティ"] });
    expect(lines[4]).toMatchObject({ id: "C5", submissions: 2, fromRules: 2 });
  });
});
