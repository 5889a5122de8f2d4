import { type ParseArgsConfig, parseArgs } from "node:util";
import { UsageError } from "./CliError";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Parses a command's arguments strictly; a malformed command line is a {@link UsageError}. */
export function parseCommandArgs<T extends Options>(args: string[], options: T, command: string) {
  try {
    return parseArgs({
      args,
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message}`);
  }
}
