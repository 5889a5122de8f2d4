/**
 * How long every checkpoint is kept (minute resolution): one hour. Older checkpoints are thinned
 * to the newest of each hour per set of authors and kind (see {@link planThinning}).
 */
export const MINUTE_RESOLUTION_MS = 3_600_000;
const HOUR_MS = 3_600_000;

/** A checkpoint that the retention rule may thin, as both backends read it. */
export interface ThinningCandidate {
  id: number;
  at: number;
  fromAt: number;
  /** Stored author ids (formatIds), so equal sets are equal strings. */
  userIds: string;
  kind: string;
  added: number;
  removed: number;
}

/** What thinning changes: the checkpoints to delete, and the kept ones' folded counts and start. */
export interface ThinningPlan {
  remove: number[];
  keep: { id: number; fromAt: number; added: number; removed: number }[];
}

/**
 * The checkpoints the retention rule may thin at `now`: unpinned edits older than
 * {@link MINUTE_RESOLUTION_MS}. Each backend selects them in SQL with this bound.
 */
export function thinningCutoff(now: number): number {
  return now - MINUTE_RESOLUTION_MS;
}

/**
 * The retention rule, shared by the SQLite and PostgreSQL backends: of the candidates (oldest
 * first, see {@link thinningCutoff}), keeps the newest of each clock hour per set of authors and
 * kind, folding the others' word counts and start into it.
 */
export function planThinning(candidates: readonly ThinningCandidate[]): ThinningPlan {
  const buckets = new Map<string, ThinningCandidate[]>();
  for (const row of candidates) {
    const key = `${Math.floor(row.at / HOUR_MS)}|${row.userIds}|${row.kind}`;
    const bucket = buckets.get(key);
    if (bucket) bucket.push(row);
    else buckets.set(key, [row]);
  }
  const plan: ThinningPlan = { remove: [], keep: [] };
  for (const bucket of buckets.values()) {
    if (bucket.length < 2) continue;
    const kept = bucket.at(-1) as ThinningCandidate;
    let fromAt = kept.fromAt;
    let added = 0;
    let removed = 0;
    for (const row of bucket) {
      fromAt = Math.min(fromAt, row.fromAt);
      added += row.added;
      removed += row.removed;
      if (row !== kept) plan.remove.push(row.id);
    }
    plan.keep.push({ id: kept.id, fromAt, added, removed });
  }
  return plan;
}
