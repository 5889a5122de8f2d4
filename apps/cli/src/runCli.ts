import { CliError, UsageError } from "./CliError";
import type { CliIo } from "./CliIo";
import { ENVIRONMENT_HELP } from "./cliEnvironment";
import { commandTable } from "./commandTable";

function overview(): string {
  const names = Object.keys(commandTable);
  const width = Math.max(...names.map((n) => n.length));
  const list = names.map((n) => `  ${n.padEnd(width)}  ${commandTable[n]!.summary}`).join("\n");
  return `Usage: rapporteur <command> [options]   (pnpm rapporteur <command> in the repository)

Commands:
${list}

Run 'rapporteur <command> --help' for a command's options.

${ENVIRONMENT_HELP}
`;
}

/**
 * Runs `rapporteur` with the arguments after the program name and resolves to the exit code:
 * 0 success, 1 failure, 2 wrong usage. Errors are printed as one message, never a stack trace.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  let usage: string | undefined;
  try {
    if (name === undefined) throw new UsageError("no command given.");
    if (name === "--help" || name === "-h" || name === "help") {
      const topic = args[0] === undefined ? undefined : commandTable[args[0]];
      io.stdout(topic ? `${topic.usage}\n` : overview());
      return 0;
    }
    const command = Object.hasOwn(commandTable, name) ? commandTable[name] : undefined;
    if (!command) throw new UsageError(`unknown command '${name}'.`);
    usage = command.usage;
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(
        `rapporteur: ${error.message}\n\n${(error.usage ?? usage ?? overview()).trimEnd()}\n`,
      );
      return error.exitCode;
    }
    if (error instanceof CliError) {
      io.stderr(`rapporteur: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr(`rapporteur: unexpected error: ${(error as Error)?.message ?? String(error)}\n`);
    return 1;
  }
}
