import { describe, expect, it } from "vitest";
import { findSection, loadOutline, OutlineError, parseOutline, totalBudget } from "./index";

describe("the shipped outline (Annex 1)", () => {
  const outline = loadOutline();

  it("has the Summary as front matter, then the five parts in order", () => {
    expect(outline.parts.filter((p) => p.frontMatter).map((p) => p.id)).toEqual(["front-matter"]);
    expect(outline.sections.filter((s) => s.part === "front-matter").map((s) => s.id)).toEqual([
      "summary",
    ]);
    expect(outline.parts.filter((p) => !p.frontMatter).map((p) => p.title)).toEqual([
      "Introduction",
      "The record since WSIS",
      "Where we stand today",
      "Looking to the future",
      "Conclusion",
    ]);
  });

  it("has every Annex 1 entry with its part", () => {
    const count = (part: string) => outline.sections.filter((s) => s.part === part).length;
    expect([count("introduction"), count("part-1"), count("part-2"), count("part-3")]).toEqual([
      2, 7, 6, 3,
    ]);
    expect(count("conclusion")).toBe(1);
    expect(findSection(outline, "p2-governance")?.guidance).toMatch(/Global Digital Compact/);
    expect(findSection(outline, "p1-challenges")?.guidance).toMatch(/trust and security/);
  });

  it("allocates about 35,000 words within the target range", () => {
    expect(totalBudget(outline)).toBe(35_000);
    expect(outline.report.targetRange).toEqual({ min: 30_000, max: 40_000 });
  });
});

describe("outline validation", () => {
  const base = `
report: { title: T, shortTitle: S, symbol: E/1, targetRange: { min: 1, max: 2 } }
parts: [{ id: a, title: A }]
`;
  it.each([
    [
      "duplicate ids",
      `${base}sections:\n  - { id: x, part: a, title: X, budget: 1, guidance: g }\n  - { id: x, part: a, title: Y, budget: 1, guidance: g }`,
      /used twice/,
    ],
    [
      "unknown part",
      `${base}sections:\n  - { id: x, part: b, title: X, budget: 1, guidance: g }`,
      /unknown part 'b'/,
    ],
    [
      "bad slug",
      `${base}sections:\n  - { id: "X Y", part: a, title: X, budget: 1, guidance: g }`,
      /slug/,
    ],
    [
      "negative budget",
      `${base}sections:\n  - { id: x, part: a, title: X, budget: -5, guidance: g }`,
      /budget/,
    ],
    ["broken YAML", "report: [", /not valid YAML/],
  ])("refuses %s with a message that names the problem", (_name, text, message) => {
    expect(() => parseOutline(text)).toThrow(OutlineError);
    expect(() => parseOutline(text)).toThrow(message);
  });
});
