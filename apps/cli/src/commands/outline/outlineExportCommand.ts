import { resolve } from "node:path";
import { outlineToYaml } from "@rapporteur/outline";
import { CliError, UsageError } from "../../CliError";
import type { Command } from "../../Command";
import { ENVIRONMENT_HELP, reportOutline, resolveDataDir } from "../../cliEnvironment";
import { defineCommand } from "../../defineCommand";
import { lockDataDir } from "../../lockDataDir";
import { writeFileAtomically } from "../../writeFileAtomically";

const USAGE = `Usage: rapporteur outline export FILE.yaml

Writes the report's outline as it is now (parts, sections in order, titles, budgets, guidance; the
database's, as editors changed it in the app) to FILE.yaml, in the form of content/outline.yaml.
Archived sections are left out. Refused while a running server holds the data directory.

Options:
  -h, --help    show this help

${ENVIRONMENT_HELP}`;

/** `rapporteur outline export FILE.yaml`: the outline in force as YAML. */
export const outlineExportCommand: Command = defineCommand({
  name: "outline export",
  summary: "write the outline in force to a YAML file (server stopped)",
  usage: USAGE,
  options: {},
  operands: true,
  async run({ positionals }, io) {
    if (positionals.length !== 1 || !/\.ya?ml$/i.test(positionals[0]!)) {
      throw new UsageError("outline export: give exactly one FILE.yaml to write.");
    }
    const path = resolve(io.cwd, positionals[0]!);
    const lock = lockDataDir(resolveDataDir(io), "outline export");
    try {
      const outline = await reportOutline(io);
      try {
        writeFileAtomically(path, new TextEncoder().encode(outlineToYaml(outline)));
      } catch (error) {
        throw new CliError(`outline export: cannot write ${path}: ${(error as Error).message}`);
      }
      io.stdout(
        `Wrote ${path}: ${outline.parts.length} parts, ${outline.sections.length} sections.\n`,
      );
    } finally {
      lock.release();
    }
    return 0;
  },
});
