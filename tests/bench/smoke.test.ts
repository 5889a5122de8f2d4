// The benchmarks at tiny sizes, so that they cannot rot: each must finish, produce well-formed
// finite figures and lose no update. No timing thresholds: speed is for `pnpm bench` to report.
import { describe, expect, it } from "vitest";
import type { BenchResult } from "./benchmark";
import { benchmarks } from "./benchmarks";
import { machineInfo } from "./machineInfo";
import { renderMarkdown } from "./renderMarkdown";

const results: BenchResult[] = [];

describe("benchmarks (smoke sizes)", () => {
  for (const benchmark of benchmarks) {
    it(`${benchmark.name} produces finite figures and drops no update`, async () => {
      const result = await benchmark.run({ smoke: true, log: () => {} });
      results.push(result);

      const figures = Object.entries(result.figures);
      expect(figures.length).toBeGreaterThan(0);
      for (const [key, value] of figures) {
        expect(Number.isFinite(value), `${benchmark.name} figure ${key} = ${value}`).toBe(true);
        expect(value, `${benchmark.name} figure ${key}`).toBeGreaterThanOrEqual(0);
      }
      expect(result.tables.length).toBeGreaterThan(0);
      for (const table of result.tables) {
        expect(table.rows.length).toBeGreaterThan(0);
        for (const row of table.rows) {
          expect(row).toHaveLength(table.columns.length);
          expect(row.join(" ")).not.toContain("n/a");
        }
      }
      for (const target of result.targets) expect(target.measured).not.toContain("n/a");
      if (result.dropped !== undefined)
        expect(result.dropped, "updates dropped or diverged").toBe(0);
    }, 180_000);
  }

  it("writes every benchmark's tables and targets into BENCHMARKS.md", () => {
    expect(results.map((r) => r.name)).toEqual(benchmarks.map((b) => b.name));
    const markdown = renderMarkdown({
      date: new Date(),
      smoke: true,
      machineAtStart: machineInfo(),
      loadAverageAtEnd: [0, 0, 0],
      durationMs: 0,
      results,
      failures: [],
      command: "pnpm exec tsx tests/bench/run.ts --smoke",
    });
    for (const result of results) {
      expect(markdown).toContain(result.title);
      for (const table of result.tables) expect(markdown).toContain(table.title);
      for (const target of result.targets) expect(markdown).toContain(target.target);
    }
    expect(markdown).toContain("pnpm exec tsx tests/bench/run.ts");
  });
});
