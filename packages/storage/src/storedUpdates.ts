import type Database from "better-sqlite3";
import type { StoredDocument } from "./DocumentStore";

/** The stored updates of document `name`, in order, as SqliteStore.load reads them. */
export const LOAD_UPDATES_SQL = "SELECT seq, data FROM document_updates WHERE doc = ? ORDER BY seq";

/**
 * Reads document `name` from a Rapporteur database connection (a worker's read-only one), as
 * SqliteStore.load does: a worker can read a large section itself, so its bytes never cross the
 * server's event loop.
 */
export function readStoredDocument(db: Database.Database, name: string): StoredDocument {
  const rows = db.prepare(LOAD_UPDATES_SQL).all(name) as { seq: number; data: Buffer }[];
  return {
    updates: rows.map(
      (row) => new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.length),
    ),
    lastSeq: rows.at(-1)?.seq ?? 0,
  };
}

/** How many bytes document `name` has stored (its updates' sizes summed), read without them. */
export function storedBytes(db: Database.Database, name: string): number {
  const row = db
    .prepare("SELECT coalesce(sum(length(data)), 0) AS bytes FROM document_updates WHERE doc = ?")
    .get(name) as { bytes: number };
  return row.bytes;
}
