import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Outline } from "@rapporteur/outline";
import { yDocToJSON } from "@rapporteur/schema";
import { DATABASE_FILE } from "@rapporteur/storage";
import { countDocument } from "@rapporteur/wordcount";
import type { CliIo } from "../CliIo";
import type { Command } from "../Command";
import { ENVIRONMENT_HELP, openStore, reportOutline, resolveDataDir } from "../cliEnvironment";
import { defineCommand } from "../defineCommand";
import { loadSectionDoc } from "../loadSectionDoc";

const USAGE = `Usage: rapporteur wordcount [--json]

Counts the words of every section from the stored documents, with footnote words apart, against
each section's allocation and the report's target range. Read-only: safe while the server runs.

Options:
  --json       print the counts as JSON
  -h, --help   show this help

${ENVIRONMENT_HELP}`;

/** Counts of one section, as printed by `rapporteur wordcount --json`. */
export interface SectionWordCount {
  id: string;
  title: string;
  part: string;
  words: number;
  footnoteWords: number;
  budget: number;
}

/** The whole report's counts, as printed by `rapporteur wordcount --json`. */
export interface ReportWordCount {
  sections: SectionWordCount[];
  totals: { words: number; footnoteWords: number; budget: number };
  targetRange: { min: number; max: number };
}

async function countReport(io: CliIo, outline: Outline): Promise<ReportWordCount> {
  const dataDir = resolveDataDir(io);
  // Never create a database just to count it: no file means nothing written yet.
  const store =
    io.openStore || existsSync(join(dataDir, DATABASE_FILE)) ? openStore(io, dataDir) : undefined;
  const sections: SectionWordCount[] = [];
  try {
    for (const section of outline.sections) {
      let count = { words: 0, footnoteWords: 0 };
      if (store) {
        const ydoc = await loadSectionDoc(store, section.id);
        count = countDocument(yDocToJSON(ydoc));
        ydoc.destroy();
      }
      const { id, title, part, budget } = section;
      sections.push({ id, title, part, budget, ...count });
    }
  } finally {
    await store?.close();
  }
  const sum = (key: "words" | "footnoteWords" | "budget") =>
    sections.reduce((total, s) => total + s[key], 0);
  return {
    sections,
    totals: { words: sum("words"), footnoteWords: sum("footnoteWords"), budget: sum("budget") },
    targetRange: outline.report.targetRange,
  };
}

function table(report: ReportWordCount, outline: Outline): string {
  const rows: string[][] = [["Section", "Words", "Footnotes", "Budget", "Used"]];
  const used = (words: number, budget: number) =>
    budget > 0 ? `${Math.round((100 * words) / budget)}%` : "-";
  for (const part of outline.parts) {
    const inPart = report.sections.filter((s) => s.part === part.id);
    if (inPart.length === 0) continue;
    rows.push([part.title, "", "", "", ""]);
    for (const s of inPart) {
      rows.push([
        `  ${s.id}`,
        String(s.words),
        String(s.footnoteWords),
        String(s.budget),
        used(s.words, s.budget),
      ]);
    }
  }
  const { totals, targetRange } = report;
  rows.push([
    "Total",
    String(totals.words),
    String(totals.footnoteWords),
    String(totals.budget),
    used(totals.words, totals.budget),
  ]);
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const lines = rows.map((r) =>
    r
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join("  ")
      .trimEnd(),
  );
  const state =
    totals.words < targetRange.min
      ? `${targetRange.min - totals.words} words short of the minimum`
      : totals.words > targetRange.max
        ? `${totals.words - targetRange.max} words over the maximum`
        : "within the range";
  lines.push("", `Target ${targetRange.min}-${targetRange.max} words: ${state}.`);
  return `${lines.join("\n")}\n`;
}

/** `rapporteur wordcount [--json]`: per-section and total word counts from the stored documents. */
export const wordcountCommand: Command = defineCommand({
  name: "wordcount",
  summary: "word counts per section and in total, against the budgets",
  usage: USAGE,
  options: { json: { type: "boolean" } },
  async run({ values }, io) {
    const outline = await reportOutline(io);
    const report = await countReport(io, outline);
    io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : table(report, outline));
    return 0;
  },
});
