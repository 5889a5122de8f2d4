/** How a benchmark is run: full sizes, or tiny sizes for the smoke test. */
export interface BenchOptions {
  smoke: boolean;
  /** Progress messages (stderr in `run.ts`). */
  log: (message: string) => void;
}

/** A target from issue 8 and whether this run met it. */
export interface TargetCheck {
  target: string;
  measured: string;
  pass: boolean;
  /** When missed: by how much, and what limits it. */
  miss?: string;
}

/** A table of figures, printed on the terminal and written to BENCHMARKS.md. */
export interface BenchTable {
  title: string;
  columns: string[];
  rows: string[][];
}

/** What one benchmark produced. */
export interface BenchResult {
  name: string;
  title: string;
  tables: BenchTable[];
  /** Every figure as a number, keyed `case.metric`, so that the smoke test can check them. */
  figures: Record<string, number>;
  targets: TargetCheck[];
  /** Updates lost on the way (0 expected); undefined where not applicable. */
  dropped?: number;
  /** How the figures were measured and what limits them. */
  notes: string[];
}

/** A benchmark: one file under tests/bench, run by `run.ts`. */
export interface Benchmark {
  name: string;
  title: string;
  run(options: BenchOptions): Promise<BenchResult>;
}
