import type { EvidenceCoverage } from "@rapporteur/api";
import { describe, expect, it } from "vitest";
import { coverageRows } from "./coverageRows";

const coverage: EvidenceCoverage = {
  submissions: {
    total: 7,
    cited: 3,
    byGroup: {
      unspecified: { total: 1, cited: 0 },
      government: { total: 2, cited: 2 },
      academia: { total: 4, cited: 1 },
    },
    byRegion: {
      unspecified: { total: 3, cited: 0 },
      Africa: { total: 2, cited: 1 },
      Europe: { total: 2, cited: 2 },
    },
    byQuestion: {
      q1: { answered: 3, cited: 1 },
      q2: { answered: 0, cited: 0 },
      q3: { answered: 7, cited: 3 },
      q4: { answered: 1, cited: 0 },
      q5: { answered: 0, cited: 0 },
      q6: { answered: 0, cited: 0 },
      q7: { answered: 0, cited: 0 },
      q8: { answered: 2, cited: 2 },
    },
  },
  sections: [],
  uncited: [],
  uncitedTotal: 0,
};

describe("coverageRows", () => {
  it("gives every question in order with cited of answered as whole per cent, 0 when none answered", () => {
    const { all, byQuestion } = coverageRows(coverage);
    expect(all).toEqual({ key: "all", label: "All submissions", total: 7, cited: 3, percent: 43 });
    expect(byQuestion.map((r) => [r.label, r.total, r.cited, r.percent])).toEqual([
      ["Question 1", 3, 1, 33],
      ["Question 2", 0, 0, 0],
      ["Question 3", 7, 3, 43],
      ["Question 4", 1, 0, 0],
      ["Question 5", 0, 0, 0],
      ["Question 6", 0, 0, 0],
      ["Question 7", 0, 0, 0],
      ["Question 8", 2, 2, 100],
    ]);
  });

  it("names groups for people in their fixed order, submissions without a group last", () => {
    expect(
      coverageRows(coverage).byGroup.map((r) => [r.label, r.total, r.cited, r.percent]),
    ).toEqual([
      ["Government", 2, 2, 100],
      ["Academia", 4, 1, 25],
      ["Not given", 1, 0, 0],
    ]);
  });

  it("orders regions by most submissions then name, submissions without a region last", () => {
    expect(coverageRows(coverage).byRegion.map((r) => [r.label, r.total, r.cited])).toEqual([
      ["Africa", 2, 1],
      ["Europe", 2, 2],
      ["Not given", 3, 0],
    ]);
  });

  it("shows an empty library as zero rows and zero per cent", () => {
    const empty = coverageRows({
      ...coverage,
      submissions: {
        total: 0,
        cited: 0,
        byGroup: {},
        byRegion: {},
        byQuestion: coverage.submissions.byQuestion,
      },
    });
    expect(empty.all.percent).toBe(0);
    expect(empty.byGroup).toEqual([]);
    expect(empty.byRegion).toEqual([]);
  });
});
