import type Database from "better-sqlite3";

/** One schema change of the SQLite database, applied once, in order, inside a transaction. */
export interface Migration {
  /** The `user_version` the database has after this migration. */
  version: number;
  /** What the migration adds, for logs and errors. */
  description: string;
  up(db: Database.Database): void;
}

/**
 * Every schema change of `rapporteur.db`, oldest first. Features that need tables (sessions,
 * comments, ...) append a migration here with the next version number; never edit a shipped one.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: "document updates (append-only Yjs updates per document)",
    up(db) {
      db.exec(`
        CREATE TABLE document_updates (
          doc  TEXT    NOT NULL,
          seq  INTEGER NOT NULL,
          data BLOB    NOT NULL,
          PRIMARY KEY (doc, seq)
        ) WITHOUT ROWID;
      `);
    },
  },
];

/**
 * Brings `db` to the newest schema: applies, each in its own transaction, the migrations whose
 * version is above the database's `user_version`. Refuses a database written by a newer version.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  const newest = migrations.at(-1)?.version ?? 0;
  if (current > newest) {
    throw new Error(
      `The database has schema version ${current}, newer than this Rapporteur (${newest}). ` +
        "Upgrade Rapporteur before opening it.",
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
