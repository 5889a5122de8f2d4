// One export measurement in a fresh process (forked by export.ts), so that peak memory is the
// converter's own: `exportWorker.ts <docx|markdown> <words> <footnotes> <tables> <runs> [mdOut]`.
// Prints one JSON line (an ExportMeasurement) on stdout.
import { writeFileSync } from "node:fs";
import { loadDocxTemplate, toDocx } from "@rapporteur/docx";
import { reportToMarkdown } from "@rapporteur/markdown";
import { countDocument } from "@rapporteur/wordcount";
import { sampleReport } from "../export/sampleReport";
import type { ExportMeasurement } from "./exportMeasurement";
import { peakRssBytes, resetPeakRss, rssBytes } from "./processStats";
import { median } from "./stats";

async function main(): Promise<void> {
  const [format, words, footnotes, tables, runs, mdOut] = process.argv.slice(2);
  if (format !== "docx" && format !== "markdown") throw new Error(`unknown format ${format}`);
  const report = sampleReport({
    words: Number(words),
    footnotes: Number(footnotes),
    tables: Number(tables),
  });
  let bodyWords = 0;
  let footnoteWords = 0;
  for (const section of report.sections) {
    const counted = countDocument(section.doc);
    bodyWords += counted.words;
    footnoteWords += counted.footnoteWords;
  }
  const template = format === "docx" ? loadDocxTemplate() : undefined;
  const convert = async (): Promise<Uint8Array | string> =>
    template ? toDocx(report, template) : reportToMarkdown(report);

  const gc = (globalThis as { gc?: () => void }).gc;
  const times: number[] = [];
  let baselineRss = 0;
  let peakRss = Number.NaN;
  let outputBytes = 0;
  for (let run = 0; run < Number(runs); run++) {
    gc?.();
    if (run === 0) {
      baselineRss = rssBytes(process.pid);
      // Without the reset, VmHWM would include whatever building the sample report peaked at.
      if (!resetPeakRss()) baselineRss = Number.NaN;
    }
    const start = performance.now();
    const output = await convert();
    times.push(performance.now() - start);
    if (run === 0) {
      peakRss = peakRssBytes(process.pid);
      outputBytes = typeof output === "string" ? Buffer.byteLength(output) : output.byteLength;
      if (mdOut && typeof output === "string") writeFileSync(mdOut, output);
    }
  }
  const result: ExportMeasurement = {
    format,
    bodyWords,
    footnoteWords,
    coldMs: times[0] ?? Number.NaN,
    warmMs: times.length > 1 ? median(times.slice(1)) : Number.NaN,
    baselineRss,
    peakRss,
    outputBytes,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
