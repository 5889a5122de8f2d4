import { resolve } from "node:path";
import { backupDatabase } from "@rapporteur/storage";
import { CliError, UsageError } from "../CliError";
import type { Command } from "../Command";
import { ENVIRONMENT_HELP, requireDatabaseFile, resolveDataDir } from "../cliEnvironment";
import { defineCommand } from "../defineCommand";

const USAGE = `Usage: rapporteur backup FILE

Copies the whole database (sections, comments, accounts, workflow, audit log) into FILE with
SQLite's online backup: one consistent moment, safe while the server runs and people type. The
copy is verified, then renamed onto FILE, so a failed backup never leaves a partial FILE.
Restore it with 'rapporteur restore FILE'.

Options:
  -h, --help   show this help

${ENVIRONMENT_HELP}`;

/** `rapporteur backup FILE`: online backup of the database. */
export const backupCommand: Command = defineCommand({
  name: "backup",
  summary: "copy the database into a file (safe while the server runs)",
  usage: USAGE,
  options: {},
  operands: true,
  async run({ positionals }, io) {
    if (positionals.length !== 1) throw new UsageError("backup: give exactly one FILE to write.");
    const target = resolve(io.cwd, positionals[0]!);
    const dataDir = resolveDataDir(io);
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
