import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { AppendWorker } from "./AppendWorker";
import { formatIds } from "./authorIds";
import { beginImmediately } from "./beginImmediately";
import type { DocumentStore, StoredDocument, UpdateMeta } from "./DocumentStore";
import { type HistoryPointInput, HistoryStore } from "./HistoryStore";
import { migrate } from "./migrations";
import { LOAD_UPDATES_SQL } from "./storedUpdates";

/** File name of the database inside the data directory. */
export const DATABASE_FILE = "rapporteur.db";

/**
 * The embedded backend: one SQLite file, `<dataDir>/rapporteur.db`, in WAL mode.
 *
 * Durability: `synchronous = FULL`. Every committed append is fsynced to the WAL before `append`
 * resolves, so an update survives not only a killed process (which `NORMAL` would also survive)
 * but also an operating-system crash or power loss. The server broadcasts an update only after it
 * is stored, and users treat what they have seen as saved; `NORMAL` could lose the last commits
 * on a power cut. The cost (one fsync per commit) is bounded because the collaboration server
 * appends the updates that arrive in the same tick as one merged update.
 *
 * better-sqlite3 is synchronous: the async methods resolve with work already done, in call order.
 * Opened with `appendInWorker` (the server), `append` commits from a worker thread instead (see
 * {@link AppendWorker}): the same durability, but the fsync no longer blocks the event loop, and
 * the appends of all documents made during one commit share the next one.
 */

/** Options of {@link SqliteStore.open}. */
export interface SqliteStoreOptions {
  /**
   * Append from a worker thread (group commit, the event loop never waits for an fsync). An
   * append still resolves only once durable; the other methods stay on the calling thread.
   */
  appendInWorker?: boolean;
}

export class SqliteStore implements DocumentStore {
  readonly #db: Database.Database;
  readonly #statements: {
    load: Database.Statement<[string], { seq: number; data: Buffer }>;
    lastSeq: Database.Statement<[string], { seq: number | null }>;
    insert: Database.Statement<[string, number, Buffer]>;
    insertWithMeta: Database.Statement<
      [string, number, Buffer, string, number, UpdateMeta["kind"]]
    >;
    deleteThrough: Database.Statement<[string, number]>;
    list: Database.Statement<[], { doc: string }>;
  };
  readonly #history: HistoryStore;
  readonly #appender: AppendWorker | null;
  #closed = false;

  private constructor(db: Database.Database, appender: AppendWorker | null) {
    this.#db = db;
    this.#appender = appender;
    this.#history = new HistoryStore(db);
    this.#statements = {
      load: db.prepare(LOAD_UPDATES_SQL),
      lastSeq: db.prepare("SELECT MAX(seq) AS seq FROM document_updates WHERE doc = ?"),
      insert: db.prepare("INSERT INTO document_updates (doc, seq, data) VALUES (?, ?, ?)"),
      insertWithMeta: db.prepare(
        "INSERT INTO document_updates (doc, seq, data, user_ids, at, kind) VALUES (?, ?, ?, ?, ?, ?)",
      ),
      deleteThrough: db.prepare("DELETE FROM document_updates WHERE doc = ? AND seq <= ?"),
      list: db.prepare("SELECT DISTINCT doc FROM document_updates ORDER BY doc"),
    };
  }

  /** Opens (creating if needed) `<dataDir>/rapporteur.db` and brings its schema up to date. */
  static open(dataDir: string, options: SqliteStoreOptions = {}): SqliteStore {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, DATABASE_FILE);
    const db = new Database(file);
    try {
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = FULL");
      db.pragma("foreign_keys = ON");
      // Another process (a backup) may hold a write lock briefly: wait rather than fail.
      db.pragma("busy_timeout = 5000");
      migrate(db);
    } catch (error) {
      db.close();
      throw error;
    }
    if (!options.appendInWorker) return new SqliteStore(db, null);
    // The worker commits appends on its own connection: no transaction here may be overtaken.
    beginImmediately(db);
    return new SqliteStore(db, new AppendWorker(file));
  }

  /**
   * The underlying connection, for features that keep their own tables in the same file
   * (add a migration in `migrations.ts`). Throws once the store is closed.
   */
  get database(): Database.Database {
    this.#assertOpen();
    return this.#db;
  }

  async load(name: string): Promise<StoredDocument> {
    this.#assertOpen();
    const rows = this.#statements.load.all(name);
    return {
      updates: rows.map(
        (row) => new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.length),
      ),
      lastSeq: rows.at(-1)?.seq ?? 0,
    };
  }

  /** The history of the documents (attributed updates, checkpoints) in the same database. */
  get history(): HistoryStore {
    this.#assertOpen();
    return this.#history;
  }

  async append(name: string, update: Uint8Array, meta?: UpdateMeta): Promise<number> {
    this.#assertOpen();
    if (this.#appender) {
      return this.#appender.append(
        name,
        update,
        meta ? { userIds: formatIds(meta.userIds), at: meta.at, kind: meta.kind } : null,
      );
    }
    return this.#db.transaction(() => {
      const seq = (this.#statements.lastSeq.get(name)?.seq ?? 0) + 1;
      if (meta) {
        this.#statements.insertWithMeta.run(
          name,
          seq,
          toBuffer(update),
          formatIds(meta.userIds),
          meta.at,
          meta.kind,
        );
      } else {
        this.#statements.insert.run(name, seq, toBuffer(update));
      }
      return seq;
    })();
  }

  async compact(
    name: string,
    state: Uint8Array,
    throughSeq: number,
    checkpoints: readonly HistoryPointInput[] = [],
  ): Promise<void> {
    this.#assertOpen();
    if (!Number.isInteger(throughSeq) || throughSeq < 1) return;
    this.#db
      .transaction(() => {
        // In one transaction with the deletion: a crash keeps either the updates or their
        // checkpoints, never both (which would list the same edits twice) nor neither.
        if (checkpoints.length > 0) this.#history.insert(name, checkpoints);
        this.#statements.deleteThrough.run(name, throughSeq);
        // The state keeps the sequence number of the newest update it contains, so the updates
        // appended after it still sort after it. It carries no metadata: it is not an edit.
        this.#statements.insert.run(name, throughSeq, toBuffer(state));
        this.#history.thin(name);
        // Immediate: with appends committed by another connection (appendInWorker), a deferred
        // transaction that read first could not upgrade to a write (SQLITE_BUSY_SNAPSHOT).
      })
      .immediate();
  }

  async list(): Promise<string[]> {
    this.#assertOpen();
    return this.#statements.list.all().map((row) => row.doc);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#appender?.close();
    this.#db.close();
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error("The document store is closed");
  }
}

function toBuffer(data: Uint8Array): Buffer {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}
