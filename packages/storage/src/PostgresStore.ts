import pg from "pg";
import { formatIds } from "./authorIds";
import type { DocumentStore, StoredDocument, UpdateMeta } from "./DocumentStore";
import type { HistoryPointInput } from "./HistoryStore";
import { lockPostgresDocuments } from "./lockPostgresDocuments";
import { PostgresHistory } from "./PostgresHistory";
import { migratePostgres } from "./postgresMigrations";

/** How a PostgresStore connects and batches. */
export interface PostgresStoreOptions {
  /** Connections in the pool (one writes at a time; the others read). Default 8. */
  poolSize?: number;
  /**
   * The most appends committed in one transaction (group commit). Default 256; 1 commits each
   * append on its own (for comparison in the benchmark).
   */
  maxBatch?: number;
}

// bigint columns (sequence numbers, ms times, ids) as numbers: all stay below 2^53.
const INT8_OID = 20;
const TYPES = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === INT8_OID && format !== "binary") return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** SQLSTATEs after which the whole transaction can simply be tried again. */
const RETRYABLE = new Set(["40001", "40P01"]); // serialization failure, deadlock detected
const MAX_ATTEMPTS = 5;

interface PendingAppend {
  name: string;
  update: Uint8Array;
  meta: UpdateMeta | undefined;
  resolve: (seq: number) => void;
  reject: (error: unknown) => void;
}

interface PendingTask {
  run: (client: pg.ClientBase) => Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

type Pending = { append: PendingAppend } | { task: PendingTask };

/**
 * The PostgreSQL backend of {@link DocumentStore}: the same rows and semantics as SqliteStore
 * (sequence numbers per document from 1, compaction keeps the updates after `throughSeq`, history
 * checkpoints stored and thinned in compaction's transaction), over a `pg` Pool.
 *
 * Durability: every connection runs with `synchronous_commit = on`, and `append` resolves only
 * after its COMMIT returned, i.e. after PostgreSQL flushed the commit to its WAL.
 *
 * Several processes: every write takes the document's transaction advisory lock
 * (lockPostgresDocuments) before it reads the newest sequence number, and `(doc, seq)` is the
 * primary key, so two server processes appending to one document get distinct, gap-free numbers.
 *
 * Group commit: this instance writes through one queue, one transaction at a time. The appends
 * that arrive while a transaction commits (for any documents) are committed together in the next
 * one, in arrival order: one WAL flush for all of them. An append that PostgreSQL refuses fails
 * alone: a refused batch is retried one append per transaction. Calls of one instance take
 * effect in call order (as SqliteStore's); `load` sees every append that has resolved.
 */
export class PostgresStore implements DocumentStore {
  readonly #pool: pg.Pool;
  readonly #maxBatch: number;
  readonly #history: PostgresHistory;
  readonly #queue: Pending[] = [];
  #draining: Promise<void> | null = null;
  #closed = false;

  private constructor(pool: pg.Pool, maxBatch: number) {
    this.#pool = pool;
    this.#maxBatch = maxBatch;
    this.#history = new PostgresHistory(pool);
  }

  /**
   * Connects to `url` (`postgres://user:password@host:port/database`) and brings the schema up to
   * date (postgresMigrations, safe when several processes start at once).
   */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 8,
      types: TYPES,
      options: "-c synchronous_commit=on",
      connectionTimeoutMillis: 10_000,
    });
    // An idle connection that breaks is dropped by the pool; the next query reports the failure.
    pool.on("error", () => {});
    try {
      await migratePostgres(pool);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresStore(pool, Math.max(1, options.maxBatch ?? 256));
  }

  /**
   * The underlying pool, for features that keep their own tables in the same database (add a
   * step to `postgresMigrations.ts`). Throws once the store is closed.
   */
  get pool(): pg.Pool {
    this.#assertOpen();
    return this.#pool;
  }

  /** The history of the documents (attributed updates, checkpoints) in the same database. */
  get history(): PostgresHistory {
    this.#assertOpen();
    return this.#history;
  }

  async load(name: string): Promise<StoredDocument> {
    this.#assertOpen();
    const { rows } = await this.#pool.query<{ seq: number; data: Buffer }>(
      "SELECT seq, data FROM document_updates WHERE doc = $1 ORDER BY seq",
      [name],
    );
    return {
      updates: rows.map(
        (row) => new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.length),
      ),
      lastSeq: rows.at(-1)?.seq ?? 0,
    };
  }

  append(name: string, update: Uint8Array, meta?: UpdateMeta): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      this.#assertOpen();
      this.#enqueue({ append: { name, update, meta, resolve, reject } });
    });
  }

  compact(
    name: string,
    state: Uint8Array,
    throughSeq: number,
    checkpoints: readonly HistoryPointInput[] = [],
  ): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#assertOpen();
      if (!Number.isInteger(throughSeq) || throughSeq < 1) return resolve();
      const run = async (client: pg.ClientBase) => {
        await lockPostgresDocuments(client, [name]);
        // In one transaction with the deletion: a crash keeps either the updates or their
        // checkpoints, never both (which would list the same edits twice) nor neither.
        const history = new PostgresHistory(client);
        await history.insert(name, checkpoints);
        await client.query("DELETE FROM document_updates WHERE doc = $1 AND seq <= $2", [
          name,
          throughSeq,
        ]);
        // The state keeps the sequence number of the newest update it contains, so the updates
        // appended after it still sort after it. It carries no metadata: it is not an edit.
        await client.query("INSERT INTO document_updates (doc, seq, data) VALUES ($1, $2, $3)", [
          name,
          throughSeq,
          toBuffer(state),
        ]);
        await history.thin(name);
      };
      this.#enqueue({ task: { run, resolve, reject } });
    });
  }

  async list(): Promise<string[]> {
    this.#assertOpen();
    // Byte order, as SQLite sorts: a locale's collation would put "p10" before "p1-context".
    const { rows } = await this.#pool.query<{ doc: string }>(
      'SELECT DISTINCT doc COLLATE "C" AS doc FROM document_updates ORDER BY 1',
    );
    return rows.map((row) => row.doc);
  }

  /** Waits for the writes already asked for, then closes the pool's connections. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    while (this.#draining) await this.#draining;
    await this.#pool.end();
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error("The document store is closed");
  }

  #enqueue(pending: Pending): void {
    this.#queue.push(pending);
    if (!this.#draining) {
      // Started once the calling code has run (a microtask), so appends issued together share
      // the first transaction.
      this.#draining = Promise.resolve()
        .then(() => this.#drain())
        .finally(() => {
          this.#draining = null;
        });
    }
  }

  /** Writes the queue, one transaction at a time, until it is empty. */
  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const head = this.#queue[0] as Pending;
      if ("task" in head) {
        this.#queue.shift();
        try {
          await this.#transaction(head.task.run);
          head.task.resolve();
        } catch (error) {
          head.task.reject(error);
        }
        continue;
      }
      // The appends at the head of the queue (up to a task, which keeps its place in the order).
      const batch: PendingAppend[] = [];
      while (batch.length < this.#maxBatch) {
        const next = this.#queue[0];
        if (!next || !("append" in next)) break;
        batch.push(next.append);
        this.#queue.shift();
      }
      await this.#commitAppends(batch);
    }
  }

  async #commitAppends(batch: PendingAppend[]): Promise<void> {
    try {
      const seqs = await this.#transaction((client) => insertAppends(client, batch));
      batch.forEach((pending, i) => {
        pending.resolve(seqs[i] as number);
      });
    } catch (error) {
      // PostgreSQL refused the transaction (so nothing of it was stored): find the refused append
      // by committing each on its own, so the others are not lost with it. A lost connection is
      // reported as is: a commit may have happened, and retrying could store an update twice.
      if (batch.length > 1 && error instanceof pg.DatabaseError) {
        for (const pending of batch) await this.#commitAppends([pending]);
        return;
      }
      for (const pending of batch) pending.reject(error);
    }
  }

  /** Runs `work` in a transaction, tried again on a deadlock or serialization failure. */
  async #transaction<T>(work: (client: pg.ClientBase) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.#pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work(client);
        await client.query("COMMIT");
        client.release();
        return result;
      } catch (error) {
        const retry =
          error instanceof pg.DatabaseError &&
          RETRYABLE.has(error.code ?? "") &&
          attempt < MAX_ATTEMPTS;
        try {
          await client.query("ROLLBACK");
          client.release();
        } catch {
          client.release(true);
        }
        if (!retry) throw error;
      }
    }
  }
}

/**
 * Inserts the appends of a batch in one statement, after locking their documents: each document's
 * appends get the next sequence numbers after its newest stored one, in batch order. Returns the
 * sequence number of each append, in batch order.
 */
async function insertAppends(client: pg.ClientBase, batch: PendingAppend[]): Promise<number[]> {
  await lockPostgresDocuments(
    client,
    batch.map((p) => p.name),
  );
  const countByDoc = new Map<string, number>();
  const offsets = batch.map((p) => {
    const n = (countByDoc.get(p.name) ?? 0) + 1;
    countByDoc.set(p.name, n);
    return n;
  });
  // This statement's snapshot is taken after the locks were granted, so max(seq) includes every
  // append another process committed before; the statement does not see its own rows.
  const { rows } = await client.query<{ doc: string; seq: number }>(
    `INSERT INTO document_updates (doc, seq, data, user_ids, at, kind)
     SELECT u.doc,
            coalesce((SELECT max(d.seq) FROM document_updates d WHERE d.doc = u.doc), 0) + u.n,
            u.data, u.user_ids, u.at, u.kind
     FROM unnest($1::text[], $2::int[], $3::bytea[], $4::text[], $5::bigint[], $6::text[])
          WITH ORDINALITY AS u(doc, n, data, user_ids, at, kind, i)
     ORDER BY u.i
     RETURNING doc, seq`,
    [
      batch.map((p) => p.name),
      offsets,
      batch.map((p) => toBuffer(p.update)),
      batch.map((p) => (p.meta ? formatIds(p.meta.userIds) : null)),
      batch.map((p) => p.meta?.at ?? null),
      batch.map((p) => p.meta?.kind ?? null),
    ],
  );
  if (rows.length !== batch.length) throw new Error("PostgreSQL stored a partial batch");
  // Each append's number is its document's base plus its offset; the base is the smallest
  // number returned for that document minus one.
  const base = new Map<string, number>();
  for (const row of rows) base.set(row.doc, Math.min(base.get(row.doc) ?? row.seq, row.seq));
  return batch.map((p, i) => (base.get(p.name) as number) - 1 + (offsets[i] as number));
}

function toBuffer(data: Uint8Array): Buffer {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}
