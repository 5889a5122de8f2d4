import { join } from "node:path";
import Database from "better-sqlite3";
import * as Y from "yjs";

/** Path of the SQLite database in a data directory. */
export function databaseFile(dataDir: string): string {
  return join(dataDir, "rapporteur.db");
}

function withDatabase<T>(dataDir: string, read: (db: Database.Database) => T): T {
  // Read-only beside a running server: WAL lets it read a consistent state without blocking it.
  const db = new Database(databaseFile(dataDir), { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** `PRAGMA integrity_check` of the data directory's database: "ok" when whole. */
export function integrityCheck(dataDir: string): string {
  return withDatabase(dataDir, (db) => String(db.pragma("integrity_check", { simple: true })));
}

/** Row count of every table of the database, by table name. */
export function tableRowCounts(dataDir: string): Record<string, number> {
  return withDatabase(dataDir, (db) => {
    const tables = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all();
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n,
      ]),
    );
  });
}

/** Every row of `table`, ordered by its first column, as plain objects (for before/after diffs). */
export function tableRows(dataDir: string, table: string): unknown[] {
  return withDatabase(dataDir, (db) => db.prepare(`SELECT * FROM "${table}" ORDER BY 1`).all());
}

/** A section's Yjs document rebuilt from the updates stored for it. */
export function storedDocument(dataDir: string, sectionId: string): Y.Doc {
  const rows = withDatabase(dataDir, (db) =>
    db
      .prepare<[string], { data: Buffer }>(
        "SELECT data FROM document_updates WHERE doc = ? ORDER BY seq",
      )
      .all(sectionId),
  );
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.data));
  });
  return doc;
}
