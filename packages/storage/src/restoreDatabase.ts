import { copyFileSync, existsSync, linkSync, renameSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { acquireDataLock } from "./dataLock";
import { fsyncPath } from "./fsyncPath";
import { DATABASE_FILE } from "./SqliteStore";
import { type DatabaseFileSummary, verifyDatabaseFile } from "./verifyDatabaseFile";

/** What {@link restoreDatabase} did. */
export interface RestoreSummary extends DatabaseFileSummary {
  /** The database file now in place. */
  file: string;
  /** Where the database that was replaced is kept (null when there was none). */
  previous: string | null;
}

/**
 * Replaces the database of `dataDir` by `backupFile`. Refuses (DataLockedError) while a server or
 * another command holds the data directory. The backup is copied into the directory and verified
 * there (integrity, expected tables, schema version not newer than this Rapporteur: see
 * {@link verifyDatabaseFile}) before anything is touched; then it is fsynced and renamed onto
 * `rapporteur.db` in one atomic step. The replaced database is kept beside it as
 * `rapporteur.db.before-restore-<time>` (with its WAL), and no stale `-wal`/`-shm` is left to be
 * applied to the restored file. An older schema is migrated when the server next opens it.
 */
export async function restoreDatabase(
  backupFile: string,
  dataDir: string,
): Promise<RestoreSummary> {
  const source = resolve(backupFile);
  if (!existsSync(source)) throw new Error(`No backup file at ${source}`);
  const lock = acquireDataLock(dataDir, "restore");
  const file = join(dataDir, DATABASE_FILE);
  const incoming = `${file}.restore-${process.pid}`;
  try {
    rmSync(incoming, { force: true });
    copyFileSync(source, incoming);
    let summary: DatabaseFileSummary;
    try {
      summary = verifyDatabaseFile(incoming, { journalMode: "delete" });
    } catch (error) {
      rmSync(incoming, { force: true });
      throw error;
    }
    fsyncPath(incoming);

    let previous: string | null = null;
    if (existsSync(file)) {
      checkpoint(file);
      previous = `${file}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      linkSync(file, previous);
      // A WAL left by a crash belongs to the old file: it goes with it, never onto the new one.
      if (existsSync(`${file}-wal`)) renameSync(`${file}-wal`, `${previous}-wal`);
    }
    rmSync(`${file}-shm`, { force: true });
    renameSync(incoming, file);
    fsyncPath(dataDir);
    return { ...summary, file, previous };
  } finally {
    rmSync(incoming, { force: true });
    lock.release();
  }
}

/** Folds the WAL of a database nobody has open into its file (best effort: it may be damaged). */
function checkpoint(file: string): void {
  if (!existsSync(`${file}-wal`)) return;
  try {
    const db = new Database(file, { fileMustExist: true });
    try {
      db.pragma("wal_checkpoint(TRUNCATE)");
    } finally {
      db.close();
    }
  } catch {
    // A damaged database keeps its WAL beside the kept copy.
  }
}
