import Database from "better-sqlite3";
import { MIGRATIONS, migrate } from "./migrations";

/** What a verified database file holds: its schema version and the rows of each table. */
export interface DatabaseFileSummary {
  /** `PRAGMA user_version`: the newest migration applied. */
  userVersion: number;
  /** Row count of every table, by name. */
  rows: Record<string, number>;
}

/** A database file that cannot be used as a Rapporteur database (corrupt, foreign, too new). */
export class DatabaseFileError extends Error {
  override name = "DatabaseFileError";
}

function tableNames(db: Database.Database): string[] {
  return db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all()
    .map((row) => row.name);
}

/**
 * Checks that `file` is a whole Rapporteur database: `PRAGMA integrity_check` is ok, its schema
 * version is one this Rapporteur knows (not newer), and it has every table the migrations up to
 * that version create. Throws {@link DatabaseFileError} saying what is wrong. The file is opened
 * read-write (a WAL database needs it) but not changed, except that `journalMode` is set when given
 * (`delete` makes a backup one self-contained file).
 */
export function verifyDatabaseFile(
  file: string,
  options: { journalMode?: "delete" } = {},
): DatabaseFileSummary {
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true });
  } catch (error) {
    throw new DatabaseFileError(`${file} cannot be opened: ${(error as Error).message}`);
  }
  try {
    let integrity: unknown;
    try {
      integrity = db.pragma("integrity_check", { simple: true });
    } catch (error) {
      throw new DatabaseFileError(`${file} is not a SQLite database: ${(error as Error).message}`);
    }
    if (integrity !== "ok") {
      throw new DatabaseFileError(`${file} is damaged: integrity_check says ${String(integrity)}`);
    }
    const userVersion = db.pragma("user_version", { simple: true }) as number;
    const newest = MIGRATIONS.at(-1)?.version ?? 0;
    if (userVersion < 1) {
      throw new DatabaseFileError(`${file} is not a Rapporteur database (no schema version)`);
    }
    if (userVersion > newest) {
      throw new DatabaseFileError(
        `${file} has schema version ${userVersion}, newer than this Rapporteur (${newest}): ` +
          "upgrade Rapporteur first",
      );
    }
    // The tables the migrations up to that version create, from a scratch database.
    const reference = new Database(":memory:");
    let expected: string[];
    try {
      migrate(
        reference,
        MIGRATIONS.filter((m) => m.version <= userVersion),
      );
      expected = tableNames(reference);
    } finally {
      reference.close();
    }
    const present = tableNames(db);
    const missing = expected.filter((name) => !present.includes(name));
    if (missing.length > 0) {
      throw new DatabaseFileError(`${file} lacks the table(s) ${missing.join(", ")}`);
    }
    const rows: Record<string, number> = {};
    for (const name of present) {
      const row = db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM "${name}"`).get();
      rows[name] = row?.n ?? 0;
    }
    if (options.journalMode) db.pragma(`journal_mode = ${options.journalMode.toUpperCase()}`);
    return { userVersion, rows };
  } finally {
    db.close();
  }
}
