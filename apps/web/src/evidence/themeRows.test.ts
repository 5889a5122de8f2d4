import type { ActionLineCount } from "@rapporteur/api";
import { describe, expect, it } from "vitest";
import { actionLineChart, keywordsOf, phraseBars } from "./themeRows";

const line = (id: string, submissions: number, from = {}): ActionLineCount => ({
  id,
  title: `Line ${id}`,
  submissions,
  fromCodes: 0,
  fromMetadata: 0,
  fromRules: submissions,
  ...from,
});

describe("phraseBars", () => {
  it("scales bars to the longest and names the groups in their fixed order, unspecified last", () => {
    const bars = phraseBars([
      {
        phrase: "digital divide",
        submissions: 8,
        byGroup: { unspecified: 1, academia: 3, government: 4 },
      },
      { phrase: "open data", submissions: 2, byGroup: { "Youth groups": 2 } },
    ]);
    expect(bars).toEqual([
      {
        phrase: "digital divide",
        submissions: 8,
        percent: 100,
        byGroup: "Government 4, Academia 3, Not given 1",
      },
      { phrase: "open data", submissions: 2, percent: 25, byGroup: "Youth groups 2" },
    ]);
    expect(phraseBars([])).toEqual([]);
  });
});

describe("actionLineChart", () => {
  it("marks lines under a quarter of the most-addressed one, with where counts come from", () => {
    const chart = actionLineChart([
      line("C1", 40, { fromCodes: 3, fromMetadata: 2, fromRules: 38 }),
      line("C2", 10),
      line("C3", 9),
      line("C4", 0),
    ]);
    expect(chart.threshold).toBe(10);
    expect(chart.underCovered).toEqual(["C3", "C4"]);
    expect(chart.bars[0]).toEqual({
      id: "C1",
      title: "Line C1",
      submissions: 40,
      percent: 100,
      underCovered: false,
      sources: "3 coded, 2 by metadata, 38 by keywords",
    });
    expect(chart.bars.map((bar) => bar.percent)).toEqual([100, 25, 23, 0]);
  });

  it("calls every line under-covered when none is addressed", () => {
    const chart = actionLineChart([line("C1", 0), line("C2", 0)]);
    expect(chart).toMatchObject({ threshold: 1, underCovered: ["C1", "C2"] });
  });
});

describe("keywordsOf", () => {
  it("splits on commas, semicolons and lines, trims, drops empty ones and repeats", () => {
    expect(keywordsOf(" broadband access,\nBroadband  access; ; e-health\n\n")).toEqual([
      "broadband access",
      "e-health",
    ]);
    expect(keywordsOf("网络安全，数据保护、隐私")).toEqual(["网络安全", "数据保护", "隐私"]);
    expect(keywordsOf("")).toEqual([]);
  });
});
