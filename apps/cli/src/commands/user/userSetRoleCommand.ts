import { CliError, UsageError } from "../../CliError";
import type { Command } from "../../Command";
import { ENVIRONMENT_HELP } from "../../cliEnvironment";
import { defineCommand } from "../../defineCommand";
import { requireRole } from "./requireRole";
import { withAccounts } from "./withAccounts";

const USAGE = `Usage: rapporteur user set-role --username U --role editor|drafter|reviewer

Changes a user's role. The last active editor cannot be demoted.

Safe while the server runs: new requests and new editing connections get the new role at once;
a section the user has open keeps its old rights until it reconnects (restart the server, or
change roles on the web app's Users page, to apply it at once). Recorded in the audit log with
the actor 'cli'.

Options:
  --username U   the account
  --role R       editor, drafter or reviewer
  -h, --help     show this help

${ENVIRONMENT_HELP}`;

/** `rapporteur user set-role`: changes a user's role. */
export const userSetRoleCommand: Command = defineCommand({
  name: "user set-role",
  summary: "change a user's role",
  usage: USAGE,
  options: { username: { type: "string" }, role: { type: "string" } },
  async run({ values }, io) {
    const username = values.username;
    if (!username) throw new UsageError("user set-role: --username U is required.");
    const role = requireRole(values.role, "user set-role");
    const message = await withAccounts(
      io,
      "user set-role",
      { create: false },
      async (accounts, audit) => {
        const user = accounts.findByUsername(username);
        if (!user) throw new CliError(`user set-role: no account '${username}'.`);
        if (user.role === role) return `'${user.username}' is already a ${role}.`;
        if (user.role === "editor" && user.active && accounts.countActiveEditors() <= 1) {
          throw new CliError(
            `user set-role: '${user.username}' is the last active editor: make another user an editor first.`,
          );
        }
        accounts.setRole(user.id, role);
        audit.record({
          actor: "cli",
          action: "role_changed",
          target: user.username,
          detail: { from: user.role, to: role },
        });
        return `'${user.username}' is now a ${role} (was a ${user.role}).`;
      },
    );
    io.stdout(`${message}\n`);
    return 0;
  },
});
