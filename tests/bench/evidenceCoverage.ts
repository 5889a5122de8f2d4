import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { consultationQuestions, EvidenceStore, parseQuestionnaireCsv } from "@rapporteur/evidence";
import { SqliteStore } from "@rapporteur/storage";
import type { Benchmark, BenchResult } from "./benchmark";
import { questionnaire } from "./evidence";
import { count, ms } from "./format";
import { summarize } from "./stats";

const FULL = { sources: 10_000, textBytes: 10 * 1024 * 1024, runs: 30 };
const SMOKE = { sources: 200, textBytes: 200 * 1024, runs: 3 };
const TARGET_MS = 200;
/** Shares of the submissions the report cites in each scenario. */
const CITED_SHARES = [0, 0.1, 0.5];

/**
 * Evidence coverage (issue 15): the figures of `GET /api/evidence/coverage` (submissions by
 * group, region and question, cited or not, and the first 50 uncited sources) over a library of
 * 10,000 submissions, with none, a tenth and half of them cited.
 */
export const evidenceCoverageBenchmark: Benchmark = {
  name: "evidence-coverage",
  title: "Evidence coverage: figures over 10,000 sources",
  async run({ smoke, log }): Promise<BenchResult> {
    const sizes = smoke ? SMOKE : FULL;
    log(`evidence-coverage: importing ${count(sizes.sources)} submissions`);
    const csv = questionnaire(sizes.sources, sizes.textBytes);
    const dir = mkdtempSync(join(tmpdir(), "rapporteur-bench-coverage-"));
    try {
      const database = SqliteStore.open(dir);
      const evidence = new EvidenceStore(database.database);
      const parsed = parseQuestionnaireCsv(csv, consultationQuestions(), {
        maxRows: 20_000,
        maxColumns: 500,
        maxEntries: 20_000,
        maxPages: 2_000,
        maxTextChars: 200 * 1024 * 1024,
        maxUncompressedBytes: 100 * 1024 * 1024,
      });
      const ids = evidence.insert(parsed.sources, { filename: "bench.csv", importedBy: "bench" });
      log("evidence-coverage: coverage");
      const rows: string[][] = [];
      const all: number[] = [];
      const figures: Record<string, number> = {};
      for (const share of CITED_SHARES) {
        const step = share > 0 ? Math.round(1 / share) : 0;
        const cited = new Set(step > 0 ? ids.filter((_, index) => index % step === 0) : []);
        evidence.coverage(cited, 50);
        const samples: number[] = [];
        let answer = evidence.coverage(cited, 50);
        for (let i = 0; i < sizes.runs; i++) {
          const t = performance.now();
          answer = evidence.coverage(cited, 50);
          samples.push(performance.now() - t);
        }
        all.push(...samples);
        const summary = summarize(samples);
        const key = `cited${Math.round(share * 100)}`;
        figures[`${key}.p95Ms`] = summary.p95;
        figures[`${key}.cited`] = answer.submissions.cited;
        rows.push([
          `${count(cited.size)} cited`,
          count(answer.submissions.cited),
          count(answer.uncitedTotal),
          ms(summary.p50),
          ms(summary.p95),
        ]);
      }
      await database.close();
      const overall = summarize(all);
      const pass = overall.p95 < TARGET_MS;
      return {
        name: "evidence-coverage",
        title: this.title,
        tables: [
          {
            title: `Coverage (uncited limit 50) over ${count(ids.length)} submissions, ${sizes.runs} runs each after one warm-up`,
            columns: ["scenario", "submissions cited", "uncited total", "p50 ms", "p95 ms"],
            rows: [...rows, ["all", "", "", ms(overall.p50), ms(overall.p95)]],
          },
        ],
        figures: { ...figures, sources: ids.length, coverageP95Ms: overall.p95 },
        targets: [
          {
            target: "Coverage p95 under 200 ms",
            measured: `${ms(overall.p95)} ms over ${count(all.length)} runs`,
            pass,
            ...(pass ? {} : { miss: `slower by ${ms(overall.p95 - TARGET_MS)} ms` }),
          },
        ],
        notes: [
          "EvidenceStore.coverage as GET /api/evidence/coverage calls it, on the seeded " +
            "questionnaire of the evidence benchmark (10 MB of answers: the figures read groups, " +
            "regions and facets, not the text) in a real SqliteStore file. The route's reading of " +
            "each section's document for its citations is not included.",
        ],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
