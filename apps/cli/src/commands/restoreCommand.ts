import { resolve } from "node:path";
import { DataLockedError, restoreDatabase } from "@rapporteur/storage";
import { CliError, UsageError } from "../CliError";
import type { Command } from "../Command";
import { ENVIRONMENT_HELP, resolveDataDir } from "../cliEnvironment";
import { defineCommand } from "../defineCommand";

const USAGE = `Usage: rapporteur restore FILE

Replaces the database of the data directory by the backup FILE (made by 'rapporteur backup').
The backup is checked first (integrity, tables, a schema this Rapporteur knows); the database it
replaces is kept beside it as rapporteur.db.before-restore-<time>. Refused while a running server
holds the data directory: stop the server, restore, start it again.

Options:
  -h, --help   show this help

${ENVIRONMENT_HELP}`;

/** `rapporteur restore FILE`: puts a backup in place of the database (server stopped). */
export const restoreCommand: Command = defineCommand({
  name: "restore",
  summary: "replace the database by a backup (server stopped)",
  usage: USAGE,
  options: {},
  operands: true,
  async run({ positionals }, io) {
    if (positionals.length !== 1) throw new UsageError("restore: give exactly one backup FILE.");
    const source = resolve(io.cwd, positionals[0]!);
    const dataDir = resolveDataDir(io);
    try {
      const summary = await restoreDatabase(source, dataDir);
      io.stdout(
        `Restored ${summary.file} from ${source}` +
          `${summary.previous ? `; the replaced database is kept as ${summary.previous}` : ""}.\n`,
      );
    } catch (error) {
      if (error instanceof DataLockedError) throw new CliError(`restore refused: ${error.message}`);
      throw new CliError(`restore failed: ${(error as Error).message}`);
    }
    return 0;
  },
});
