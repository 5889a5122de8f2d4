import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { Benchmark, BenchResult, TargetCheck } from "./benchmark";
import type { ExportMeasurement } from "./exportMeasurement";
import { count, mib, ms, ratio } from "./format";
import { median } from "./stats";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const WORKER = fileURLToPath(new URL("./exportWorker.ts", import.meta.url));
/** Our Markdown is GitHub-flavoured (pipe tables, `[^n]` footnotes): pandoc's `gfm` reader. */
const PANDOC_FROM = "gfm";

interface Sizes {
  words: number;
  footnotes: number;
  tables: number;
  runs: number;
}
const FULL: Sizes = { words: 40_000, footnotes: 300, tables: 20, runs: 4 };
const SMOKE: Sizes = { words: 2000, footnotes: 10, tables: 2, runs: 2 };

async function measure(
  format: "docx" | "markdown",
  sizes: Sizes,
  markdownOut?: string,
): Promise<ExportMeasurement> {
  const args = [
    "--expose-gc",
    "--import",
    "tsx",
    WORKER,
    format,
    String(sizes.words),
    String(sizes.footnotes),
    String(sizes.tables),
    String(sizes.runs),
    ...(markdownOut ? [markdownOut] : []),
  ];
  const { stdout } = await run(process.execPath, args, { cwd: ROOT, maxBuffer: 16 * 2 ** 20 });
  const line = stdout.trim().split("\n").at(-1) ?? "";
  return JSON.parse(line) as ExportMeasurement;
}

interface PandocRun {
  wallMs: number;
  peakRss: number;
  outputBytes: number;
}

/** `pandoc -f gfm -t docx`, timed from outside (wall clock) with its peak RSS from GNU time. */
async function pandoc(markdown: string, docx: string): Promise<PandocRun> {
  const start = performance.now();
  const { stderr } = await run(
    "/usr/bin/time",
    ["-f", "peak-kb %M", "pandoc", "-f", PANDOC_FROM, "-t", "docx", "-o", docx, markdown],
    { maxBuffer: 16 * 2 ** 20 },
  );
  const wallMs = performance.now() - start;
  const peak = stderr.match(/peak-kb (\d+)/);
  return {
    wallMs,
    peakRss: peak ? Number(peak[1]) * 1024 : Number.NaN,
    outputBytes: statSync(docx).size,
  };
}

/** The 40,000-word sample report to DOCX and Markdown, against pandoc on the same Markdown. */
export const exportBenchmark: Benchmark = {
  name: "export",
  title: "Export: DOCX and Markdown of the whole report, against pandoc",
  async run({ smoke, log }): Promise<BenchResult> {
    const sizes = smoke ? SMOKE : FULL;
    const work = mkdtempSync(join(tmpdir(), "rapporteur-bench-export-"));
    try {
      const markdownFile = join(work, "report.md");
      log("export: Markdown");
      const markdown = await measure("markdown", sizes, markdownFile);
      log("export: DOCX");
      const docx = await measure("docx", sizes);
      log("export: pandoc");
      const pandocRuns: PandocRun[] = [];
      for (let i = 0; i < Math.max(1, sizes.runs - 1); i++) {
        pandocRuns.push(await pandoc(markdownFile, join(work, `pandoc-${i}.docx`)));
      }
      const pandocMs = median(pandocRuns.map((r) => r.wallMs));
      const pandocPeak = Math.max(...pandocRuns.map((r) => r.peakRss));
      const { stdout: version } = await run("pandoc", ["--version"]);

      const figures: Record<string, number> = {
        bodyWords: docx.bodyWords,
        footnoteWords: docx.footnoteWords,
        "docx.coldMs": docx.coldMs,
        "docx.warmMs": docx.warmMs,
        "docx.peakRssMiB": docx.peakRss / 2 ** 20,
        "docx.bytes": docx.outputBytes,
        "markdown.coldMs": markdown.coldMs,
        "markdown.warmMs": markdown.warmMs,
        "markdown.peakRssMiB": markdown.peakRss / 2 ** 20,
        "markdown.bytes": markdown.outputBytes,
        "pandoc.ms": pandocMs,
        "pandoc.peakRssMiB": pandocPeak / 2 ** 20,
        "ratio.pandocOverDocxCold": pandocMs / docx.coldMs,
        "ratio.pandocOverDocxWarm": pandocMs / docx.warmMs,
      };
      const row = (label: string, m: ExportMeasurement, vsPandoc: boolean) => [
        label,
        ms(m.coldMs),
        ms(m.warmMs),
        mib(m.peakRss),
        mib(m.peakRss - m.baselineRss),
        `${(m.outputBytes / 1024).toFixed(0)} KiB`,
        vsPandoc ? ratio(pandocMs / m.coldMs) : "",
      ];
      const targets: TargetCheck[] = [
        {
          target: "DOCX export faster than pandoc converting the same Markdown",
          measured: `${ms(docx.coldMs)} ms (first run) vs pandoc ${ms(pandocMs)} ms (pandoc / ours ${ratio(pandocMs / docx.coldMs)})`,
          pass: docx.coldMs < pandocMs,
          miss:
            docx.coldMs < pandocMs
              ? undefined
              : `slower by ${ms(docx.coldMs - pandocMs)} ms (${ratio(docx.coldMs / pandocMs)} pandoc's time)`,
        },
      ];
      return {
        name: "export",
        title: this.title,
        tables: [
          {
            title: `Export of a ${count(docx.bodyWords)}-word report (+${count(docx.footnoteWords)} footnote words, ${sizes.footnotes} footnotes, ${sizes.tables} tables)`,
            columns: [
              "converter",
              "first run ms",
              "warm ms",
              "peak RSS MiB",
              "peak over baseline MiB",
              "output",
              "pandoc time / ours",
            ],
            rows: [
              row("toDocx (@rapporteur/docx)", docx, true),
              row("reportToMarkdown (@rapporteur/markdown)", markdown, false),
              [
                `pandoc -f ${PANDOC_FROM} -t docx (same Markdown)`,
                ms(pandocMs),
                "",
                mib(pandocPeak),
                "",
                `${((pandocRuns[0]?.outputBytes ?? 0) / 1024).toFixed(0)} KiB`,
                "1.00x",
              ],
            ],
          },
        ],
        figures,
        targets,
        notes: [
          `The report is tests/export/sampleReport.ts (${sizes.words} words over the outline's sections, ` +
            `${sizes.footnotes} footnotes, ${sizes.tables} tables, every node type and mark). Each of ` +
            "our converters runs in its own fresh child process (`node --expose-gc --import tsx " +
            `tests/bench/exportWorker.ts\`), ${sizes.runs} conversions: the first ("first run", what ` +
            'an editor waits for once the server is up) and the median of the others ("warm").',
          "Peak memory: the process's VmHWM, reset through /proc/self/clear_refs after a GC just " +
            "before the first conversion, so it is the peak during that conversion (the whole " +
            "process's resident memory, including the loaded modules and the report itself); " +
            '"over baseline" subtracts the RSS just before it.',
          `pandoc: ${version.split("\n")[0]}, \`pandoc -f ${PANDOC_FROM} -t docx\` on the Markdown our ` +
            "exporter produced, wall clock of the whole process (median of " +
            `${pandocRuns.length}), peak RSS from GNU time; no reference document, so pandoc skips ` +
            "our template's masthead, contents and paragraph numbering: it does less work.",
        ],
      };
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
