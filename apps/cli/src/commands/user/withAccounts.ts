import { AccountError, AccountStore, AuditLog } from "@rapporteur/accounts";
import { CliError } from "../../CliError";
import type { CliIo } from "../../CliIo";
import { openDatabase, resolveDataDir } from "../../cliEnvironment";

/**
 * Runs `action` on the accounts and audit log of the data directory (created for `user add` on a
 * new one), then closes the database. An {@link AccountError} becomes a {@link CliError} with its
 * message, prefixed by the command.
 */
export async function withAccounts<T>(
  io: CliIo,
  command: string,
  options: { create: boolean },
  action: (accounts: AccountStore, audit: AuditLog) => Promise<T>,
): Promise<T> {
  const store = openDatabase(resolveDataDir(io), { mustExist: !options.create });
  try {
    return await action(new AccountStore(store.database), new AuditLog(store.database));
  } catch (error) {
    if (error instanceof AccountError) throw new CliError(`${command}: ${error.message}`);
    throw error;
  } finally {
    await store.close();
  }
}
