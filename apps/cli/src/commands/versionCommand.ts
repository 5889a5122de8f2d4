import { UsageError } from "../CliError";
import type { Command } from "../Command";
import { ENVIRONMENT_HELP } from "../cliEnvironment";
import { versionCreateCommand } from "./version/versionCreateCommand";
import { versionListCommand } from "./version/versionListCommand";

/** The subcommands of `rapporteur version`, by name. */
const versionCommands: Readonly<Record<string, Command>> = {
  create: versionCreateCommand,
  list: versionListCommand,
};

function usage(): string {
  const names = Object.keys(versionCommands);
  const width = Math.max(...names.map((n) => n.length));
  const list = names.map((n) => `  ${n.padEnd(width)}  ${versionCommands[n]!.summary}`).join("\n");
  return `Usage: rapporteur version <subcommand> [options]

Named versions of the report (also on the web app's Versions page).

Subcommands:
${list}

Run 'rapporteur version <subcommand> --help' for its options.

${ENVIRONMENT_HELP}`;
}

/** `rapporteur version create|list`: named versions from the command line. */
export const versionCommand: Command = {
  summary: "named versions of the report: create, list",
  get usage() {
    return usage();
  },
  async run(args, io) {
    const [name, ...rest] = args;
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      if (name === undefined) {
        throw new UsageError(
          `version: no subcommand given: use ${Object.keys(versionCommands).join(", ")}.`,
        );
      }
      io.stdout(`${usage()}\n`);
      return 0;
    }
    const subcommand = Object.hasOwn(versionCommands, name) ? versionCommands[name] : undefined;
    if (!subcommand) {
      throw new UsageError(
        `version: unknown subcommand '${name}': use ${Object.keys(versionCommands).join(", ")}.`,
      );
    }
    try {
      return await subcommand.run(rest, io);
    } catch (error) {
      if (error instanceof UsageError) error.usage ??= subcommand.usage;
      throw error;
    }
  },
};
