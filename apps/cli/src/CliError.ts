/** A failure to report to the user as one line, without a stack trace (exit code 1). */
export class CliError extends Error {
  override name = "CliError";
  readonly exitCode: number = 1;
}

/** The command line itself is wrong: unknown command or option, missing argument (exit code 2). */
export class UsageError extends CliError {
  override name = "UsageError";
  override readonly exitCode = 2;
  /** Help printed after the message (a subcommand's); default: the command's, or the overview. */
  usage?: string;
}
