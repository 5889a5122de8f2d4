import { join, resolve } from "node:path";
import { backupDatabase } from "@rapporteur/storage";
import { CliError, UsageError } from "../CliError";
import type { Command } from "../Command";
import { ENVIRONMENT_HELP, requireDatabaseFile, resolveDataDir } from "../cliEnvironment";
import { defineCommand } from "../defineCommand";

const USAGE = `Usage: rapporteur backup [--report N] FILE

Copies the whole database (sections, comments, accounts, workflow, audit log) into FILE with
SQLite's online backup: one consistent moment, safe while the server runs and people type. The
copy is verified, then renamed onto FILE, so a failed backup never leaves a partial FILE.
Restore it with 'rapporteur restore FILE'.

Options:
  --report N   back up report N's database (RAPPORTEUR_DATA/reports/N; default: report 1, the
               instance's database with the accounts and the report list)
  -h, --help   show this help

${ENVIRONMENT_HELP}`;

/** `rapporteur backup FILE`: online backup of the database. */
export const backupCommand: Command = defineCommand({
  name: "backup",
  summary: "copy the database into a file (safe while the server runs)",
  usage: USAGE,
  options: { report: { type: "string" } },
  operands: true,
  async run({ positionals, values }, io) {
    if (positionals.length !== 1) throw new UsageError("backup: give exactly one FILE to write.");
    const target = resolve(io.cwd, positionals[0]!);
    const report = values.report ?? "1";
    if (!/^[1-9][0-9]{0,9}$/.test(report)) {
      throw new UsageError(`backup: --report takes a report id (1, 2, ...), not '${report}'.`);
    }
    // Report 1 is the instance's database; report N has its own below reports/.
    const dataDir =
      report === "1" ? resolveDataDir(io) : join(resolveDataDir(io), "reports", report);
    requireDatabaseFile(dataDir);
    try {
      const summary = await backupDatabase(dataDir, target);
      io.stdout(`Backed up ${dataDir} to ${summary.file} (${summary.bytes} bytes).\n`);
    } catch (error) {
      throw new CliError(`backup failed: ${(error as Error).message}`);
    }
    return 0;
  },
});
