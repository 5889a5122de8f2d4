import { commandGroup } from "../commandGroup";
import { versionCreateCommand } from "./version/versionCreateCommand";
import { versionListCommand } from "./version/versionListCommand";

/** `rapporteur version create|list`: named versions from the command line. */
export const versionCommand = commandGroup({
  name: "version",
  summary: "named versions of the report: create, list",
  description: "Named versions of the report (also on the web app's Versions page).",
  subcommands: {
    create: versionCreateCommand,
    list: versionListCommand,
  },
});
