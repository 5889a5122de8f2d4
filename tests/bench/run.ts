// `pnpm exec tsx tests/bench/run.ts [name ...] [--smoke] [--out FILE]` (what `npm run bench` runs):
// runs the benchmarks, prints their tables and, for a full run of all of them (or with --out),
// writes BENCHMARKS.md at the repository root.
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchResult } from "./benchmark";
import { benchmarks } from "./benchmarks";
import { machineInfo } from "./machineInfo";
import { renderMarkdown, textTables } from "./renderMarkdown";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

function usage(message: string): never {
  console.error(
    `${message}\nusage: run.ts [${benchmarks.map((b) => b.name).join("|")} ...] [--smoke] [--out FILE]`,
  );
  process.exit(2);
}

const args = process.argv.slice(2);
let smoke = false;
let out: string | undefined;
const names: string[] = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i] as string;
  if (arg === "--smoke") smoke = true;
  else if (arg === "--out") out = args[++i] ?? usage("--out needs a file name");
  else if (arg.startsWith("--")) usage(`unknown option ${arg}`);
  else names.push(arg);
}
for (const name of names) {
  if (!benchmarks.some((b) => b.name === name)) usage(`unknown benchmark '${name}'`);
}
const selected = names.length ? benchmarks.filter((b) => names.includes(b.name)) : benchmarks;
if (!out && !smoke && selected.length === benchmarks.length) out = resolve(ROOT, "BENCHMARKS.md");

const started = performance.now();
const date = new Date();
const machine = machineInfo();
const results: BenchResult[] = [];
const failures: { name: string; error: string }[] = [];
const log = (message: string) => console.error(`[bench] ${message}`);
log(
  `${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node}, load ${machine.loadAverage.join(" ")}`,
);

for (const benchmark of selected) {
  const start = performance.now();
  try {
    const result = await benchmark.run({ smoke, log });
    results.push(result);
    console.log(`\n== ${result.title} (${((performance.now() - start) / 1000).toFixed(0)} s)\n`);
    console.log(textTables(result));
    if (result.dropped) console.log(`!! ${result.dropped} updates dropped or diverged`);
  } catch (error) {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    failures.push({ name: benchmark.name, error: text });
    console.error(`\n!! ${benchmark.name} failed: ${text}`);
  }
}

if (out) {
  const command = `pnpm exec tsx tests/bench/run.ts${args.length ? ` ${args.join(" ")}` : ""}`;
  writeFileSync(
    out,
    renderMarkdown({
      date,
      smoke,
      machineAtStart: machine,
      loadAverageAtEnd: loadavg().map((v) => Math.round(v * 100) / 100),
      durationMs: performance.now() - started,
      results,
      failures,
      command,
    }),
  );
  log(`wrote ${out}`);
}
log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
process.exit(failures.length || results.some((r) => r.dropped) ? 1 : 0);
