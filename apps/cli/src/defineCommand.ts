import type { ParseArgsConfig } from "node:util";
import { UsageError } from "./CliError";
import type { CliIo } from "./CliIo";
import type { Command } from "./Command";
import { parseCommandArgs } from "./parseCommandArgs";

type CommandOptions = NonNullable<ParseArgsConfig["options"]>;

/** A command line parsed by {@link defineCommand}: option values and operands. */
export type ParsedCommand<T extends CommandOptions> = ReturnType<typeof parseCommandArgs<T>>;

/** What {@link defineCommand} needs to know of one command. */
export interface CommandDefinition<T extends CommandOptions> {
  /** The words after `rapporteur` (`backup`, `user add`): they start its usage errors. */
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full help, printed for `--help`. */
  usage: string;
  /** Its options besides `-h, --help`. */
  options: T;
  /** Whether it takes operands (FILE), which `run` checks; without, any operand is refused. */
  operands?: boolean;
  /** Does the work once the command line is parsed; resolves to the exit code. */
  run(parsed: ParsedCommand<T>, io: CliIo): Promise<number>;
}

/**
 * A {@link Command} with the parts every command shares: strict parsing of its options (a
 * malformed line is a usage error), `--help` printing its usage, and refusal of operands it does
 * not take.
 */
export function defineCommand<T extends CommandOptions>(definition: CommandDefinition<T>): Command {
  const { name, usage } = definition;
  return {
    summary: definition.summary,
    usage,
    async run(args, io) {
      const parsed = parseCommandArgs(args, definition.options, name);
      // parseCommandArgs always adds --help; the generic type does not carry it.
      if ((parsed.values as { help?: boolean }).help) {
        io.stdout(`${usage}\n`);
        return 0;
      }
      if (!definition.operands && parsed.positionals.length > 0) {
        throw new UsageError(`${name}: unexpected argument '${parsed.positionals[0]}'.`);
      }
      return definition.run(parsed, io);
    },
  };
}
