import { deflateRawSync, inflateRawSync } from "node:zlib";
import type Database from "better-sqlite3";
import { formatIds } from "./authorIds";
import type { HistoryKind, UpdateMeta } from "./DocumentStore";
import {
  attributedUpdateOf,
  HISTORY_POINT_COLUMNS,
  type HistoryPointRow,
  historyPointOf,
  type StoredUpdateRow,
  thinningCandidateOf,
} from "./historyPointRow";
import { planThinning, thinningCutoff } from "./planThinning";

/** A restorable point of a document's history to store: the full state after a group of edits. */
export interface HistoryPointInput {
  /** Sequence number of the newest update the state contains. */
  seq: number;
  /** When the group of edits began and ended, ms since the epoch. */
  fromAt: number;
  at: number;
  userIds: readonly number[];
  kind: HistoryKind;
  /** Words added and removed by the group (packages/wordcount's definition of a word). */
  added: number;
  removed: number;
  /** A restore point (the state before an import, a suggestion, a restore): never thinned. */
  pinned?: boolean;
  /** A name shown with the point (a named version's). */
  label?: string | null;
  /** The document's full state (a Yjs update), stored compressed. */
  state: Uint8Array;
}

/** A stored history point, without its state. */
export interface HistoryPoint extends Omit<HistoryPointInput, "state" | "pinned" | "label"> {
  id: number;
  doc: string;
  pinned: boolean;
  label: string | null;
}

/** One stored row of a document: a compacted state or legacy update (`meta` null) or an update. */
export interface AttributedUpdate {
  seq: number;
  data: Uint8Array;
  meta: UpdateMeta | null;
}

/**
 * The history of the documents in the SQLite database (tables of storage migration 7): the
 * attributed updates not yet compacted, and the checkpoints (full states) compaction keeps.
 *
 * Retention rule, for the life of the report:
 * - every update is stored with its authors, time and kind until its document is compacted
 *   (every RAPPORTEUR_COMPACT_EVERY updates, and when the section leaves memory);
 * - compaction turns them into checkpoints: the state at the end of each group of edits (same
 *   authors and kind, gaps under 5 minutes; authors writing at the same time share a group) and
 *   at the end of each minute inside a group;
 * - checkpoints younger than an hour are all kept (any minute of the last hour can be shown);
 * - older ones are thinned to the newest of each clock hour per set of authors and kind (its
 *   word counts and start include those it replaces), so any older hour can be shown;
 * - restore points (the state before an import, accepted suggestion or restore) and version
 *   markers are never thinned.
 */
export class HistoryStore {
  constructor(private readonly db: Database.Database) {}

  /** The stored rows of `doc` through `throughSeq` (default: all), oldest first, with metadata. */
  updates(doc: string, throughSeq = Number.MAX_SAFE_INTEGER): AttributedUpdate[] {
    const rows = this.db
      .prepare<[string, number], StoredUpdateRow>(
        "SELECT seq, data, user_ids, at, kind FROM document_updates WHERE doc = ? AND seq <= ? ORDER BY seq",
      )
      .all(doc, throughSeq);
    return rows.map(attributedUpdateOf);
  }

  /** Stores checkpoints of `doc`; returns their ids. */
  insert(doc: string, points: readonly HistoryPointInput[]): number[] {
    const insert = this.db.prepare(
      "INSERT INTO history_points (doc, seq, from_at, at, user_ids, kind, added, removed, pinned, label, state) " +
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    return this.db.transaction(() =>
      points.map((p) =>
        Number(
          insert.run(
            doc,
            p.seq,
            p.fromAt,
            p.at,
            formatIds(p.userIds),
            p.kind,
            p.added,
            p.removed,
            p.pinned ? 1 : 0,
            p.label ?? null,
            deflateRawSync(p.state),
          ).lastInsertRowid,
        ),
      ),
    )();
  }

  /** The checkpoints of `doc` without their states, oldest first. */
  points(doc: string): HistoryPoint[] {
    return this.db
      .prepare<[string], HistoryPointRow>(
        `SELECT ${HISTORY_POINT_COLUMNS} FROM history_points WHERE doc = ? ORDER BY at, id`,
      )
      .all(doc)
      .map(historyPointOf);
  }

  /** The newest checkpoint of `doc` (by sequence, then id), or undefined. */
  latest(doc: string): HistoryPoint | undefined {
    const row = this.db
      .prepare<[string], HistoryPointRow>(
        `SELECT ${HISTORY_POINT_COLUMNS} FROM history_points WHERE doc = ? ORDER BY seq DESC, id DESC LIMIT 1`,
      )
      .get(doc);
    return row && historyPointOf(row);
  }

  /** One checkpoint of `doc` by id, or by the sequence number of its newest update. */
  find(doc: string, by: { id: number } | { seq: number }): HistoryPoint | undefined {
    const row =
      "id" in by
        ? this.db
            .prepare<[string, number], HistoryPointRow>(
              `SELECT ${HISTORY_POINT_COLUMNS} FROM history_points WHERE doc = ? AND id = ?`,
            )
            .get(doc, by.id)
        : this.db
            .prepare<[string, number], HistoryPointRow>(
              `SELECT ${HISTORY_POINT_COLUMNS} FROM history_points WHERE doc = ? AND seq = ? AND kind <> 'version' ORDER BY id DESC LIMIT 1`,
            )
            .get(doc, by.seq);
    return row && historyPointOf(row);
  }

  /** The full state of a checkpoint (a Yjs update), or undefined. */
  state(id: number): Uint8Array | undefined {
    const row = this.db
      .prepare<[number], { state: Buffer }>("SELECT state FROM history_points WHERE id = ?")
      .get(id);
    return row ? new Uint8Array(inflateRawSync(row.state)) : undefined;
  }

  /** Marks a checkpoint as a restore point: it is never thinned. */
  pin(id: number): void {
    this.db.prepare("UPDATE history_points SET pinned = 1 WHERE id = ?").run(id);
  }

  /**
   * Applies the retention rule to `doc` at `now`: of the unpinned edit checkpoints older than
   * MINUTE_RESOLUTION_MS, keeps the newest of each clock hour per set of authors and
   * kind, folding the others' word counts and start into it. Returns how many were removed.
   */
  thin(doc: string, now = Date.now()): number {
    const old = this.db
      .prepare<[string, number], HistoryPointRow>(
        `SELECT ${HISTORY_POINT_COLUMNS} FROM history_points WHERE doc = ? AND at < ? AND pinned = 0 AND kind = 'edit' ORDER BY seq, id`,
      )
      .all(doc, thinningCutoff(now));
    const plan = planThinning(old.map(thinningCandidateOf));
    const update = this.db.prepare(
      "UPDATE history_points SET from_at = ?, added = ?, removed = ? WHERE id = ?",
    );
    const remove = this.db.prepare("DELETE FROM history_points WHERE id = ?");
    this.db.transaction(() => {
      for (const id of plan.remove) remove.run(id);
      for (const kept of plan.keep) update.run(kept.fromAt, kept.added, kept.removed, kept.id);
    })();
    return plan.remove.length;
  }
}
