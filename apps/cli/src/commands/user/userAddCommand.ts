import { CliError, UsageError } from "../../CliError";
import type { Command } from "../../Command";
import { ENVIRONMENT_HELP } from "../../cliEnvironment";
import { defineCommand } from "../../defineCommand";
import { readPassword } from "../../readPassword";
import { requireRole } from "./requireRole";
import { USER_SERVER_NOTE } from "./userHelp";
import { withAccounts } from "./withAccounts";

const USAGE = `Usage: rapporteur user add --username U --role editor|drafter|reviewer [--display-name N] --password-stdin

Creates an account. The password is read from standard input (never from the command line,
where other users could see it), e.g.  printf '%s' "$PASSWORD" | rapporteur user add ...
It must have 10 to 1024 characters. An existing username is refused.

${USER_SERVER_NOTE}

Options:
  --username U        2-40 characters: lower-case letters, digits, '.', '_' or '-'
  --role R            editor (runs the report), drafter (writes) or reviewer (comments)
  --display-name N    name shown to others (default: the username)
  --password-stdin    read the password from standard input (required)
  -h, --help          show this help

${ENVIRONMENT_HELP}`;

/** `rapporteur user add`: creates an account, password from standard input. */
export const userAddCommand: Command = defineCommand({
  name: "user add",
  summary: "create an account (password from standard input)",
  usage: USAGE,
  options: {
    username: { type: "string" },
    role: { type: "string" },
    "display-name": { type: "string" },
    "password-stdin": { type: "boolean" },
  },
  async run({ values }, io) {
    if (!values.username) throw new UsageError("user add: --username U is required.");
    const role = requireRole(values.role, "user add");
    const username = values.username;
    const password = await readPassword(io, "user add", values["password-stdin"]);
    const user = await withAccounts(io, "user add", { create: true }, async (accounts, audit) => {
      if (accounts.findByUsername(username)) {
        throw new CliError(
          `user add: the username '${username.trim().toLowerCase()}' is taken. Change that account with 'rapporteur user set-role' or 'rapporteur user set-password'.`,
        );
      }
      const created = await accounts.create({
        username,
        password,
        role,
        displayName: values["display-name"],
      });
      audit.record({
        actor: "cli",
        action: "user_created",
        target: created.username,
        detail: { role: created.role },
      });
      return created;
    });
    io.stdout(`Created the ${user.role} '${user.username}' (${user.displayName}).\n`);
    return 0;
  },
});
