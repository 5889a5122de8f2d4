import type { Command } from "./Command";
import { importCommand } from "./commands/importCommand";
import { wordcountCommand } from "./commands/wordcountCommand";

/** The commands of `rapporteur <command>`, by name. */
export const commandTable: Readonly<Record<string, Command>> = {
  import: importCommand,
  wordcount: wordcountCommand,
};
