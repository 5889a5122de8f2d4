import { UsageError } from "../../CliError";
import type { Command } from "../../Command";
import { ENVIRONMENT_HELP } from "../../cliEnvironment";
import { parseCommandArgs } from "../../parseCommandArgs";
import { withAccounts } from "./withAccounts";

const USAGE = `Usage: rapporteur user list [--json]

Lists the accounts: username, role, whether active, display name. Read-only: safe while the
server runs.

Options:
  --json       print the accounts as JSON
  -h, --help   show this help

${ENVIRONMENT_HELP}`;

/** `rapporteur user list`: the accounts, by username. */
export const userListCommand: Command = {
  summary: "list the accounts and their roles",
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      { json: { type: "boolean" } },
      "user list",
    );
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (positionals.length > 0) {
      throw new UsageError(`user list: unexpected argument '${positionals[0]}'.`);
    }
    const users = await withAccounts(io, "user list", { create: false }, async (accounts) =>
      accounts.list(),
    );
    if (values.json) {
      io.stdout(`${JSON.stringify(users, null, 2)}\n`);
      return 0;
    }
    const rows = [
      ["Username", "Role", "Status", "Display name"],
      ...users.map((u) => [u.username, u.role, u.active ? "active" : "inactive", u.displayName]),
    ];
    const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
    io.stdout(
      `${rows
        .map((r) =>
          r
            .map((cell, c) => cell.padEnd(widths[c]!))
            .join("  ")
            .trimEnd(),
        )
        .join("\n")}\n`,
    );
    return 0;
  },
};
