import type { CliIo } from "./CliIo";

/** One `rapporteur <name>` command: its help text and what it does. */
export interface Command {
  /** One line for the command list. */
  summary: string;
  /** Full help: synopsis, options, environment. */
  usage: string;
  /** Runs the command with its own arguments; resolves to the exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}
