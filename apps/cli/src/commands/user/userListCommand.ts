import type { Command } from "../../Command";
import { ENVIRONMENT_HELP } from "../../cliEnvironment";
import { defineCommand } from "../../defineCommand";
import { withAccounts } from "./withAccounts";

const USAGE = `Usage: rapporteur user list [--json]

Lists the accounts: username, role, whether active, display name. Read-only: safe while the
server runs.

Options:
  --json       print the accounts as JSON
  -h, --help   show this help

${ENVIRONMENT_HELP}`;

/** `rapporteur user list`: the accounts, by username. */
export const userListCommand: Command = defineCommand({
  name: "user list",
  summary: "list the accounts and their roles",
  usage: USAGE,
  options: { json: { type: "boolean" } },
  async run({ values }, io) {
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
});
