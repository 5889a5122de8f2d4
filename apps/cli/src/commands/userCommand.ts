import { commandGroup } from "../commandGroup";
import { userAddCommand } from "./user/userAddCommand";
import { userListCommand } from "./user/userListCommand";
import { userSetPasswordCommand } from "./user/userSetPasswordCommand";
import { userSetRoleCommand } from "./user/userSetRoleCommand";

/** `rapporteur user add|list|set-password|set-role`: accounts from the command line. */
export const userCommand = commandGroup({
  name: "user",
  summary: "manage accounts: add, list, set-password, set-role",
  description:
    "Manages the accounts (also on the web app's Users page). Safe while the server runs.",
  subcommands: {
    add: userAddCommand,
    list: userListCommand,
    "set-password": userSetPasswordCommand,
    "set-role": userSetRoleCommand,
  },
});
