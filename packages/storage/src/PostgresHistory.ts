import { promisify } from "node:util";
import { deflateRaw, inflateRaw } from "node:zlib";
import pg from "pg";
import { formatIds } from "./authorIds";
import type { AttributedUpdate, HistoryPoint, HistoryPointInput } from "./HistoryStore";
import {
  attributedUpdateOf,
  HISTORY_POINT_COLUMNS,
  type HistoryPointRow,
  historyPointOf,
  type StoredUpdateRow,
  thinningCandidateOf,
} from "./historyPointRow";
import { lockPostgresDocuments } from "./lockPostgresDocuments";
import { planThinning, thinningCutoff } from "./planThinning";

const deflate = promisify(deflateRaw);
const inflate = promisify(inflateRaw);

/**
 * The history of the documents in PostgreSQL: the same data and retention rule as the SQLite
 * HistoryStore (attributed updates until compaction, then
 * checkpoints thinned by `planThinning`), with async methods of the same names, so the server can
 * read either once it awaits them. States are compressed off the event loop (zlib's thread pool).
 *
 * Constructed by PostgresStore over its pool, or over one client inside a transaction (compaction).
 */
export class PostgresHistory {
  constructor(private readonly db: pg.Pool | pg.ClientBase) {}

  /** The stored rows of `doc` through `throughSeq` (default: all), oldest first, with metadata. */
  async updates(doc: string, throughSeq = Number.MAX_SAFE_INTEGER): Promise<AttributedUpdate[]> {
    const { rows } = await this.db.query<StoredUpdateRow>(
      "SELECT seq, data, user_ids, at, kind FROM document_updates WHERE doc = $1 AND seq <= $2 ORDER BY seq",
      [doc, throughSeq],
    );
    return rows.map(attributedUpdateOf);
  }

  /** Stores checkpoints of `doc` (one statement: all or none); returns their ids in order. */
  async insert(doc: string, points: readonly HistoryPointInput[]): Promise<number[]> {
    if (points.length === 0) return [];
    const states = await Promise.all(points.map((p) => deflate(p.state)));
    const { rows } = await this.db.query<{ id: number; n: number }>(
      `INSERT INTO history_points (doc, seq, from_at, at, user_ids, kind, added, removed, pinned, label, state)
       SELECT $1, p.seq, p.from_at, p.at, p.user_ids, p.kind, p.added, p.removed, p.pinned, p.label, p.state
       FROM unnest($2::bigint[], $3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::int[],
                   $8::int[], $9::boolean[], $10::text[], $11::bytea[])
            WITH ORDINALITY AS p(seq, from_at, at, user_ids, kind, added, removed, pinned, label, state, n)
       ORDER BY p.n
       RETURNING id`,
      [
        doc,
        points.map((p) => p.seq),
        points.map((p) => p.fromAt),
        points.map((p) => p.at),
        points.map((p) => formatIds(p.userIds)),
        points.map((p) => p.kind),
        points.map((p) => p.added),
        points.map((p) => p.removed),
        points.map((p) => p.pinned === true),
        points.map((p) => p.label ?? null),
        states,
      ],
    );
    // Identity values are drawn in insertion order (ORDER BY p.n), so sorting restores it.
    return rows.map((row) => row.id).sort((a, b) => a - b);
  }

  /** The checkpoints of `doc` without their states, oldest first. */
  async points(doc: string): Promise<HistoryPoint[]> {
    const { rows } = await this.db.query<HistoryPointRow>(
      `SELECT ${HISTORY_POINT_COLUMNS} FROM history_points WHERE doc = $1 ORDER BY at, id`,
      [doc],
    );
    return rows.map(historyPointOf);
  }

  /** The newest checkpoint of `doc` (by sequence, then id), or undefined. */
  async latest(doc: string): Promise<HistoryPoint | undefined> {
    const { rows } = await this.db.query<HistoryPointRow>(
      `SELECT ${HISTORY_POINT_COLUMNS} FROM history_points WHERE doc = $1 ORDER BY seq DESC, id DESC LIMIT 1`,
      [doc],
    );
    return rows[0] && historyPointOf(rows[0]);
  }

  /** One checkpoint of `doc` by id, or by the sequence number of its newest update. */
  async find(doc: string, by: { id: number } | { seq: number }): Promise<HistoryPoint | undefined> {
    const { rows } =
      "id" in by
        ? await this.db.query<HistoryPointRow>(
            `SELECT ${HISTORY_POINT_COLUMNS} FROM history_points WHERE doc = $1 AND id = $2`,
            [doc, by.id],
          )
        : await this.db.query<HistoryPointRow>(
            `SELECT ${HISTORY_POINT_COLUMNS} FROM history_points WHERE doc = $1 AND seq = $2 AND kind <> 'version' ORDER BY id DESC LIMIT 1`,
            [doc, by.seq],
          );
    return rows[0] && historyPointOf(rows[0]);
  }

  /** The full state of a checkpoint (a Yjs update), or undefined. */
  async state(id: number): Promise<Uint8Array | undefined> {
    const { rows } = await this.db.query<{ state: Buffer }>(
      "SELECT state FROM history_points WHERE id = $1",
      [id],
    );
    return rows[0] ? new Uint8Array(await inflate(rows[0].state)) : undefined;
  }

  /** Marks a checkpoint as a restore point: it is never thinned. */
  async pin(id: number): Promise<void> {
    await this.db.query("UPDATE history_points SET pinned = true WHERE id = $1", [id]);
  }

  /**
   * Applies the retention rule (`planThinning`) to `doc` at `now`, in one transaction. Returns how
   * many checkpoints were removed.
   */
  async thin(doc: string, now = Date.now()): Promise<number> {
    if (!(this.db instanceof pg.Pool)) return thinWith(this.db, doc, now);
    const client = await this.db.connect();
    try {
      await client.query("BEGIN");
      await lockPostgresDocuments(client, [doc]);
      const removed = await thinWith(client, doc, now);
      await client.query("COMMIT");
      client.release();
      return removed;
    } catch (error) {
      // Never hand a connection in an unknown transaction state back to the pool.
      client.release(error instanceof Error ? error : true);
      throw error;
    }
  }
}

/** Thinning on a client inside a transaction holding the document's lock (compaction's). */
async function thinWith(client: pg.ClientBase, doc: string, now: number): Promise<number> {
  const { rows } = await client.query<HistoryPointRow>(
    `SELECT ${HISTORY_POINT_COLUMNS} FROM history_points
     WHERE doc = $1 AND at < $2 AND NOT pinned AND kind = 'edit' ORDER BY seq, id`,
    [doc, thinningCutoff(now)],
  );
  const plan = planThinning(rows.map(thinningCandidateOf));
  if (plan.remove.length === 0) return 0;
  await client.query("DELETE FROM history_points WHERE id = ANY($1::bigint[])", [plan.remove]);
  await client.query(
    `UPDATE history_points AS h SET from_at = k.from_at, added = k.added, removed = k.removed
     FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::int[]) AS k(id, from_at, added, removed)
     WHERE h.id = k.id`,
    [
      plan.keep.map((k) => k.id),
      plan.keep.map((k) => k.fromAt),
      plan.keep.map((k) => k.added),
      plan.keep.map((k) => k.removed),
    ],
  );
  return plan.remove.length;
}
