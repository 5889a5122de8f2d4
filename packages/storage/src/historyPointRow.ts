import { parseIds } from "./authorIds";
import type { HistoryKind } from "./DocumentStore";
import type { AttributedUpdate, HistoryPoint } from "./HistoryStore";
import type { ThinningCandidate } from "./planThinning";

/** A row of `history_points` as both backends read it (SQLite stores `pinned` as 0/1). */
export interface HistoryPointRow {
  id: number;
  doc: string;
  seq: number;
  from_at: number;
  at: number;
  user_ids: string;
  kind: HistoryKind;
  added: number;
  removed: number;
  pinned: number | boolean;
  label: string | null;
}

/** The columns of {@link HistoryPointRow}, for a SELECT. */
export const HISTORY_POINT_COLUMNS =
  "id, doc, seq, from_at, at, user_ids, kind, added, removed, pinned, label";

/** A history point as the stores give it. */
export function historyPointOf(row: HistoryPointRow): HistoryPoint {
  return {
    id: row.id,
    doc: row.doc,
    seq: row.seq,
    fromAt: row.from_at,
    at: row.at,
    userIds: parseIds(row.user_ids),
    kind: row.kind,
    added: row.added,
    removed: row.removed,
    pinned: row.pinned === true || row.pinned === 1,
    label: row.label,
  };
}

/** What the retention rule ({@link planThinning}) reads of a row. */
export function thinningCandidateOf(row: HistoryPointRow): ThinningCandidate {
  return {
    id: row.id,
    at: row.at,
    fromAt: row.from_at,
    userIds: row.user_ids,
    kind: row.kind,
    added: row.added,
    removed: row.removed,
  };
}

/** A row of `document_updates` as the histories read it (metadata null: stored unattributed). */
export interface StoredUpdateRow {
  seq: number;
  data: Buffer;
  user_ids: string | null;
  at: number | null;
  kind: HistoryKind | null;
}

/** The attributed update a row holds. */
export function attributedUpdateOf(row: StoredUpdateRow): AttributedUpdate {
  return {
    seq: row.seq,
    data: new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.length),
    meta:
      row.at === null
        ? null
        : { userIds: parseIds(row.user_ids ?? ""), at: row.at, kind: row.kind ?? "edit" },
  };
}
