import { mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import Database from "better-sqlite3";
import { fsyncPath } from "./fsyncPath";
import { DATABASE_FILE, SqliteStore } from "./SqliteStore";
import { type DatabaseFileSummary, verifyDatabaseFile } from "./verifyDatabaseFile";

/** What {@link backupDatabase} wrote. */
export interface BackupSummary extends DatabaseFileSummary {
  /** Absolute path of the backup file. */
  file: string;
  bytes: number;
}

/** Pages per backup step: all of them, so the copy is one consistent snapshot. */
const ALL_PAGES = 0x7fffffff;

/**
 * Copies the database into `targetFile` with SQLite's online backup API: safe while a server runs
 * and writes (in WAL mode the copy is one read transaction; writers are not blocked and the copy
 * is one consistent moment). `source` is an open store or connection, or a data directory (its
 * `rapporteur.db` is opened beside the running server). The copy is verified (integrity, tables),
 * made a single file (no WAL), fsynced, then renamed onto `targetFile`: a failed or interrupted
 * backup never leaves a half-written file under that name.
 */
export async function backupDatabase(
  source: SqliteStore | Database.Database | string,
  targetFile: string,
): Promise<BackupSummary> {
  const target = resolve(targetFile);
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { force: true });
  let db: Database.Database;
  let opened = false;
  if (typeof source === "string") {
    db = new Database(join(source, DATABASE_FILE), { fileMustExist: true });
    db.pragma("busy_timeout = 5000");
    opened = true;
  } else {
    db = source instanceof SqliteStore ? source.database : source;
  }
  try {
    await db.backup(partial, { progress: () => ALL_PAGES });
    const summary = verifyDatabaseFile(partial, { journalMode: "delete" });
    fsyncPath(partial);
    renameSync(partial, target);
    fsyncPath(dirname(target));
    return { ...summary, file: target, bytes: statSync(target).size };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    if (opened) db.close();
  }
}
