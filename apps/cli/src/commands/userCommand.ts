import { UsageError } from "../CliError";
import type { Command } from "../Command";
import { ENVIRONMENT_HELP } from "../cliEnvironment";
import { userAddCommand } from "./user/userAddCommand";
import { userListCommand } from "./user/userListCommand";
import { userSetPasswordCommand } from "./user/userSetPasswordCommand";
import { userSetRoleCommand } from "./user/userSetRoleCommand";

/** The subcommands of `rapporteur user`, by name. */
const userCommands: Readonly<Record<string, Command>> = {
  add: userAddCommand,
  list: userListCommand,
  "set-password": userSetPasswordCommand,
  "set-role": userSetRoleCommand,
};

function usage(): string {
  const names = Object.keys(userCommands);
  const width = Math.max(...names.map((n) => n.length));
  const list = names.map((n) => `  ${n.padEnd(width)}  ${userCommands[n]!.summary}`).join("\n");
  return `Usage: rapporteur user <subcommand> [options]

Manages the accounts (also on the web app's Users page). Safe while the server runs.

Subcommands:
${list}

Run 'rapporteur user <subcommand> --help' for its options.

${ENVIRONMENT_HELP}`;
}

/** `rapporteur user add|list|set-password|set-role`: accounts from the command line. */
export const userCommand: Command = {
  summary: "manage accounts: add, list, set-password, set-role",
  get usage() {
    return usage();
  },
  async run(args, io) {
    const [name, ...rest] = args;
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      if (name === undefined) {
        throw new UsageError(
          `user: no subcommand given: use ${Object.keys(userCommands).join(", ")}.`,
        );
      }
      io.stdout(`${usage()}\n`);
      return 0;
    }
    const subcommand = Object.hasOwn(userCommands, name) ? userCommands[name] : undefined;
    if (!subcommand) {
      throw new UsageError(
        `user: unknown subcommand '${name}': use ${Object.keys(userCommands).join(", ")}.`,
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
