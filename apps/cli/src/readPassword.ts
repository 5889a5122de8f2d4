import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@rapporteur/accounts";
import { CliError, UsageError } from "./CliError";
import type { CliIo } from "./CliIo";

/**
 * Reads a new password from standard input (`--password-stdin`, which `fromStdin` says was
 * given; without it, a usage error): the whole input without its final line end. Refuses a
 * password the server would refuse (length), before anything changes.
 */
export async function readPassword(
  io: CliIo,
  command: string,
  fromStdin: boolean | undefined,
): Promise<string> {
  if (!fromStdin) {
    throw new UsageError(
      `${command}: --password-stdin is required: the password is read from standard input.`,
    );
  }
  const input = io.readStdin ? await io.readStdin() : "";
  const password = input.replace(/\r?\n$/, "");
  if (password.length === 0) {
    throw new CliError(
      `${command}: no password on standard input (e.g. printf '%s' "$PASSWORD" | rapporteur ${command} ...).`,
    );
  }
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw new CliError(
      `${command}: the password has ${password.length} characters; it must have ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH}.`,
    );
  }
  return password;
}
