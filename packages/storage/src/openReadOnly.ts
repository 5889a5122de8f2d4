import Database from "better-sqlite3";

/**
 * A read-only connection to a migrated Rapporteur database file, for a worker thread that reads
 * beside the server's own connection (WAL lets both read while the server writes).
 */
export function openReadOnly(file: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true });
}
