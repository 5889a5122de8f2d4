import { isRole, ROLES } from "@rapporteur/accounts";
import { CliError, UsageError } from "../../CliError";
import type { Command } from "../../Command";
import { ENVIRONMENT_HELP } from "../../cliEnvironment";
import { parseCommandArgs } from "../../parseCommandArgs";
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
export const userSetRoleCommand: Command = {
  summary: "change a user's role",
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      { username: { type: "string" }, role: { type: "string" } },
      "user set-role",
    );
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (positionals.length > 0) {
      throw new UsageError(`user set-role: unexpected argument '${positionals[0]}'.`);
    }
    const username = values.username;
    if (!username) throw new UsageError("user set-role: --username U is required.");
    const role = values.role;
    if (!isRole(role)) {
      throw new UsageError(
        role === undefined
          ? `user set-role: --role is required: ${ROLES.join(", ")}.`
          : `user set-role: unknown role '${role}': use ${ROLES.join(", ")}.`,
      );
    }
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
};
