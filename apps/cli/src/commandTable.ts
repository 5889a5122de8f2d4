import type { Command } from "./Command";
import { backupCommand } from "./commands/backupCommand";
import { evidenceCommand } from "./commands/evidenceCommand";
import { exportCommand } from "./commands/exportCommand";
import { importCommand } from "./commands/importCommand";
import { outlineCommand } from "./commands/outlineCommand";
import { restoreCommand } from "./commands/restoreCommand";
import { userCommand } from "./commands/userCommand";
import { versionCommand } from "./commands/versionCommand";
import { wordcountCommand } from "./commands/wordcountCommand";

/** The commands of `rapporteur <command>`, by name. */
export const commandTable: Readonly<Record<string, Command>> = {
  export: exportCommand,
  import: importCommand,
  wordcount: wordcountCommand,
  user: userCommand,
  backup: backupCommand,
  restore: restoreCommand,
  version: versionCommand,
  outline: outlineCommand,
  evidence: evidenceCommand,
};
