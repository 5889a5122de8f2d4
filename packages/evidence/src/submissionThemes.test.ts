import { describe, expect, it } from "vitest";
import type { SubmissionAnswers } from "./source";
import { submissionThemes, themePassages } from "./submissionThemes";

const submissions: SubmissionAnswers[] = [
  {
    id: 1,
    title: "A",
    group: "government",
    answers: { q1: "Meaningful connectivity matters.", q2: "Meaningful  Connectivity again." },
  },
  { id: 2, title: "B", group: "academia", answers: { q1: "Closing the Digital Divide." } },
  {
    id: 3,
    title: "C",
    group: "academia",
    answers: { q2: "meaningful connectivity; digital divide" },
  },
  { id: 4, title: "D", group: null, answers: { q1: "Connectivity. Meaningful work." } },
];

describe("submissionThemes", () => {
  it("counts submissions by group, once per submission", () => {
    const themes = submissionThemes(submissions, {}, 10);
    expect(themes).toEqual([
      { phrase: "Digital Divide", submissions: 2, byGroup: { academia: 2 } },
      {
        phrase: "Meaningful connectivity",
        submissions: 2,
        byGroup: { government: 1, academia: 1 },
      },
    ]);
  });

  it("filters by question and group", () => {
    expect(submissionThemes(submissions, { question: "q2" }, 10)).toEqual([
      {
        phrase: "Meaningful Connectivity",
        submissions: 2,
        byGroup: { government: 1, academia: 1 },
      },
    ]);
    expect(submissionThemes(submissions, { group: "academia" }, 10)).toEqual([
      { phrase: "Digital Divide", submissions: 2, byGroup: { academia: 2 } },
    ]);
  });
});

describe("themePassages", () => {
  it("finds each use with offsets in the answer, folded", () => {
    const passages = themePassages(submissions, "meaningful connectivity", {});
    expect(passages.map((p) => [p.sourceId, p.field, p.start, p.end, p.quote])).toEqual([
      [1, "q1", 0, 23, "Meaningful connectivity"],
      [1, "q2", 0, 24, "Meaningful  Connectivity"],
      [3, "q2", 0, 23, "meaningful connectivity"],
    ]);
    expect(
      themePassages(submissions, "digital divide", { group: "academia", question: "q1" }),
    ).toEqual([
      {
        sourceId: 2,
        title: "B",
        group: "academia",
        field: "q1",
        start: 12,
        end: 26,
        quote: "Digital Divide",
        before: "Closing the ",
        after: ".",
      },
    ]);
  });

  it("shows about 120 characters of the answer on each side, cut between words", () => {
    const long = `${"alpha ".repeat(30)}meaningful connectivity${" omega".repeat(30)}`;
    const [passage] = themePassages(
      [{ id: 5, title: "E", group: null, answers: { q3: long } }],
      "meaningful connectivity",
      {},
    );
    expect(passage?.before).toMatch(/^…alpha( alpha)+ $/);
    expect(passage?.after).toMatch(/^( omega)+…$/);
    expect(passage!.before.length).toBeLessThanOrEqual(121);
    expect(passage!.after.length).toBeLessThanOrEqual(121);
    expect(long.slice(passage!.start, passage!.end)).toBe("meaningful connectivity");
  });
});

describe("themePassages in Chinese", () => {
  it("finds a phrase inside text without spaces, with offsets in the answer", () => {
    const answers: SubmissionAnswers[] = [
      { id: 7, title: "Z", group: null, answers: { q2: "我们认为数字经济很重要。" } },
    ];
    const [passage, ...rest] = themePassages(answers, "数字经济", {});
    expect(rest).toEqual([]);
    expect(passage).toMatchObject({
      sourceId: 7,
      field: "q2",
      start: 4,
      end: 8,
      quote: "数字经济",
    });
  });
});
