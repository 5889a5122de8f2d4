import { acquireDataLock, type DataLock, DataLockedError } from "@rapporteur/storage";
import { CliError } from "./CliError";

/**
 * Takes the data directory's lock for a command that must not run beside a server; a held lock
 * is a {@link CliError} (`<command> refused: ... is in use by the server (process N)`).
 */
export function lockDataDir(dataDir: string, command: string): DataLock {
  try {
    return acquireDataLock(dataDir, "cli");
  } catch (error) {
    if (error instanceof DataLockedError)
      throw new CliError(`${command} refused: ${error.message}`);
    throw error;
  }
}
