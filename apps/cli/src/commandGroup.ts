import { UsageError } from "./CliError";
import type { Command } from "./Command";
import { ENVIRONMENT_HELP } from "./cliEnvironment";

/** What {@link commandGroup} needs to know of a command with subcommands. */
export interface CommandGroupOptions {
  /** The command's name after `rapporteur` (e.g. `user`). */
  name: string;
  /** One line for `rapporteur --help`. */
  summary: string;
  /** The paragraph under the usage line. */
  description: string;
  /** The subcommands, by name, in the order the help lists them. */
  subcommands: Readonly<Record<string, Command>>;
}

/**
 * A command that dispatches to subcommands (`rapporteur user add`, `rapporteur version list`):
 * its help lists them, a missing or unknown one is a usage error naming the valid ones, and a
 * usage error of a subcommand carries that subcommand's help.
 */
export function commandGroup(options: CommandGroupOptions): Command {
  const { name: group, subcommands } = options;
  const names = Object.keys(subcommands);
  const usage = (): string => {
    const width = Math.max(...names.map((n) => n.length));
    const list = names.map((n) => `  ${n.padEnd(width)}  ${subcommands[n]!.summary}`).join("\n");
    return `Usage: rapporteur ${group} <subcommand> [options]

${options.description}

Subcommands:
${list}

Run 'rapporteur ${group} <subcommand> --help' for its options.

${ENVIRONMENT_HELP}`;
  };
  return {
    summary: options.summary,
    get usage() {
      return usage();
    },
    async run(args, io) {
      const [name, ...rest] = args;
      if (name === undefined || name === "--help" || name === "-h" || name === "help") {
        if (name === undefined) {
          throw new UsageError(`${group}: no subcommand given: use ${names.join(", ")}.`);
        }
        io.stdout(`${usage()}\n`);
        return 0;
      }
      const subcommand = Object.hasOwn(subcommands, name) ? subcommands[name] : undefined;
      if (!subcommand) {
        throw new UsageError(`${group}: unknown subcommand '${name}': use ${names.join(", ")}.`);
      }
      try {
        return await subcommand.run(rest, io);
      } catch (error) {
        if (error instanceof UsageError) error.usage ??= subcommand.usage;
        throw error;
      }
    },
  };
}
