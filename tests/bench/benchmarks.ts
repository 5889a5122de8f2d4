import type { Benchmark } from "./benchmark";
import { compareExportBenchmark } from "./compareExport";
import { counting } from "./counting";
import { durableWrites } from "./durableWrites";
import { evidenceBenchmark } from "./evidence";
import { evidenceCoverageBenchmark } from "./evidenceCoverage";
import { exportBenchmark } from "./export";
import { fanout } from "./fanout";
import { historyBenchmark } from "./history";
import { historyFanout } from "./historyFanout";
import { importReviewBenchmark } from "./importReview";
import { load } from "./load";
import { postgresWrites } from "./postgresWrites";
import { relayBenchmark } from "./relay";

/** Every benchmark, in the order of issue 8 (then those added since); `run.ts` runs them (or those named) in this order. */
export const benchmarks: readonly Benchmark[] = [
  fanout,
  durableWrites,
  load,
  exportBenchmark,
  counting,
  historyBenchmark,
  compareExportBenchmark,
  historyFanout,
  importReviewBenchmark,
  evidenceBenchmark,
  evidenceCoverageBenchmark,
  postgresWrites,
  relayBenchmark,
];
