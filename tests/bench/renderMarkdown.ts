import type { BenchResult, BenchTable } from "./benchmark";
import type { MachineInfo } from "./machineInfo";

/** A finished run, as written to BENCHMARKS.md. */
export interface RunRecord {
  date: Date;
  smoke: boolean;
  machineAtStart: MachineInfo;
  loadAverageAtEnd: number[];
  durationMs: number;
  results: BenchResult[];
  failures: { name: string; error: string }[];
  /** The command line that produced it. */
  command: string;
}

function escapeCell(cell: string): string {
  return cell.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** A table as GitHub Markdown. */
export function markdownTable(table: Pick<BenchTable, "columns" | "rows">): string {
  const lines = [
    `| ${table.columns.map(escapeCell).join(" | ")} |`,
    `| ${table.columns.map(() => "---").join(" | ")} |`,
    ...table.rows.map((row) => `| ${row.map(escapeCell).join(" | ")} |`),
  ];
  return lines.join("\n");
}

/** The whole of BENCHMARKS.md for a run: machine, targets with pass/miss, then each benchmark. */
export function renderMarkdown(record: RunRecord): string {
  const { machineAtStart: machine } = record;
  const out: string[] = [];
  out.push(
    "# Benchmarks",
    "",
    "Figures from one run of the benchmarks in `tests/bench/` (issue 8). On these shared, noisy " +
      "machines only the ratios against a reference measured in the same run carry over from one " +
      "run to the next; absolute times move with the machine's load.",
    "",
    "## How to rerun",
    "",
    "```sh",
    "npm run bench                                   # installs, builds the web app, runs everything, rewrites this file",
    "pnpm exec tsx tests/bench/run.ts                # the same, without install and build",
    "pnpm exec tsx tests/bench/run.ts fanout export  # only some (prints; add --out FILE to write)",
    "pnpm exec tsx tests/bench/run.ts --smoke        # tiny sizes in about a minute (what the tests run)",
    "```",
    "",
    "## This run",
    "",
    `- Date: ${record.date.toISOString()}`,
    `- Command: \`${record.command}\`${record.smoke ? " (smoke sizes: not representative)" : ""}`,
    `- Machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.platform}`,
    `- Node ${machine.node}`,
    `- Load average (1, 5, 15 min) at start ${machine.loadAverage.join(", ")}, at end ` +
      `${record.loadAverageAtEnd.join(", ")}: other work shares this machine (other sessions ` +
      "building and testing), which inflates latencies and times; rerun on an idle machine for " +
      "absolute figures.",
    `- Duration: ${(record.durationMs / 1000).toFixed(0)} s`,
    "",
  );
  if (record.failures.length) {
    out.push("## Failures", "");
    for (const failure of record.failures) {
      out.push(
        `- **${failure.name}** did not complete: ${escapeCell(failure.error.split("\n")[0] ?? "")}`,
      );
    }
    out.push("");
  }
  const targets = record.results.flatMap((r) => r.targets.map((t) => ({ ...t, bench: r.name })));
  if (targets.length) {
    out.push(
      "## Targets",
      "",
      markdownTable({
        columns: ["benchmark", "target", "measured", "result"],
        rows: targets.map((t) => [t.bench, t.target, t.measured, t.pass ? "pass" : "**miss**"]),
      }),
      "",
    );
    const missed = targets.filter((t) => !t.pass);
    if (missed.length) {
      out.push("Missed targets, by how much and what limits them:", "");
      for (const t of missed) out.push(`- **${t.bench}**: ${t.target}: ${t.miss ?? "missed"}`);
      out.push("");
    }
  }
  for (const [index, result] of record.results.entries()) {
    out.push(`## ${index + 1}. ${result.title}`, "");
    for (const table of result.tables) out.push(`**${table.title}**`, "", markdownTable(table), "");
    if (result.dropped !== undefined) {
      out.push(`Updates dropped or diverged: ${result.dropped}.`, "");
    }
    for (const note of result.notes) out.push(`- ${note}`);
    out.push("");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

/** The tables of a result as aligned plain text, for the terminal. */
export function textTables(result: BenchResult): string {
  const blocks: string[] = [];
  for (const table of result.tables) {
    const widths = table.columns.map((column, i) =>
      Math.max(column.length, ...table.rows.map((row) => (row[i] ?? "").length)),
    );
    const line = (cells: string[]) =>
      cells
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
        .join("  ");
    blocks.push(
      table.title,
      line(table.columns),
      widths.map((w) => "-".repeat(w)).join("  "),
      ...table.rows.map(line),
      "",
    );
  }
  for (const target of result.targets) {
    blocks.push(
      `${target.pass ? "PASS" : "MISS"}  ${target.target}: ${target.measured}${target.miss ? ` (${target.miss})` : ""}`,
    );
  }
  return blocks.join("\n");
}
