import { CliError, UsageError } from "../../CliError";
import type { Command } from "../../Command";
import { ENVIRONMENT_HELP } from "../../cliEnvironment";
import { defineCommand } from "../../defineCommand";
import { readPassword } from "../../readPassword";
import { USER_SERVER_NOTE } from "./userHelp";
import { withAccounts } from "./withAccounts";

const USAGE = `Usage: rapporteur user set-password --username U --password-stdin

Sets a new password (10 to 1024 characters, read from standard input) and ends the user's
sessions: they sign in again with the new password (a running server closes their open editing
connections within a minute).

${USER_SERVER_NOTE}

Options:
  --username U       the account
  --password-stdin   read the new password from standard input (required)
  -h, --help         show this help

${ENVIRONMENT_HELP}`;

/** `rapporteur user set-password`: resets a password, from standard input. */
export const userSetPasswordCommand: Command = defineCommand({
  name: "user set-password",
  summary: "set a new password (from standard input) and end the user's sessions",
  usage: USAGE,
  options: { username: { type: "string" }, "password-stdin": { type: "boolean" } },
  async run({ values }, io) {
    const username = values.username;
    if (!username) throw new UsageError("user set-password: --username U is required.");
    const password = await readPassword(io, "user set-password", values["password-stdin"]);
    const user = await withAccounts(
      io,
      "user set-password",
      { create: false },
      async (accounts, audit) => {
        const found = accounts.findByUsername(username);
        if (!found) throw new CliError(`user set-password: no account '${username}'.`);
        await accounts.setPassword(found.id, password);
        audit.record({ actor: "cli", action: "password_reset", target: found.username });
        return found;
      },
    );
    io.stdout(`New password set for '${user.username}'; their sessions are ended.\n`);
    return 0;
  },
});
