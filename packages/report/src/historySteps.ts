import type { AttributedStep } from "@rapporteur/compare";
import { type DocJSON, yDocToJSON } from "@rapporteur/schema";
import * as Y from "yjs";
import { applyStoredUpdate } from "./applyStoredUpdate";
import type { ComparisonInterval } from "./historyAttribution";

/** A checkpoint of the attributed history, without its state (HistoryStore.points). */
export interface StepPoint {
  id: number;
  seq: number;
  at: number;
  userIds: readonly number[];
  kind: string;
}

/** A checkpoint's full state (a Yjs update) with who made it and when. */
export interface StepState {
  state: Uint8Array;
  at: number;
  userIds: readonly number[];
}

/** A stored row of a section (HistoryStore.updates): a compacted state (meta null) or an update. */
export interface StepUpdate {
  data: Uint8Array;
  meta: { at: number; userIds: readonly number[]; kind: string } | null;
}

/** What {@link historySteps} replays for one section. */
export interface SectionSteps {
  /** The states of the checkpoints chosen by {@link stepPoints}, oldest first. */
  points: StepState[];
  /** The section's stored rows not yet compacted, oldest first. */
  updates: StepUpdate[];
}

/** At most this many steps per section: more are thinned evenly (attribution gets coarser). */
export const MAX_STEPS = 300;

const key = (ids: readonly number[]) => [...ids].sort((a, b) => a - b).join(",");
const counts = (c: { kind: string; userIds: readonly number[] }) =>
  c.kind !== "version" && c.userIds.length > 0;
const inside = (at: number, interval: ComparisonInterval) =>
  at > interval.after && at <= interval.through;

/** Keeps the last of each run of neighbours by the same authors, then at most MAX_STEPS. */
function lastOfRuns<T extends { userIds: readonly number[] }>(items: readonly T[]): T[] {
  const runs: T[] = [];
  for (const item of items) {
    const last = runs.at(-1);
    if (last && key(last.userIds) === key(item.userIds)) runs[runs.length - 1] = item;
    else runs.push(item);
  }
  if (runs.length <= MAX_STEPS) return runs;
  const every = runs.length / MAX_STEPS;
  return Array.from(
    { length: MAX_STEPS },
    (_, i) => runs[Math.min(runs.length - 1, Math.round((i + 1) * every) - 1)] as T,
  );
}

/**
 * The checkpoints of a section whose states a comparison over `interval` replays: those made in
 * it by named authors (not version markers), the last of each run by the same authors.
 */
export function stepPoints<T extends StepPoint>(
  points: readonly T[],
  interval: ComparisonInterval,
): T[] {
  return lastOfRuns(
    points.filter((p) => counts(p) && inside(p.at, interval)).sort((a, b) => a.seq - b.seq),
  );
}

/**
 * The steps a section's text went through during `interval`, by the attributed history: the
 * checkpoints' states, then the stored updates replayed, one step per run of edits by the same
 * authors, each credited to those authors' names at the run's last time. For attributeSteps
 * (@rapporteur/compare), so that each change of a comparison is credited to the person who made
 * it. Pure apart from decoding; run it off the event loop.
 */
export function historySteps(
  section: SectionSteps,
  interval: ComparisonInterval,
  displayName: (userId: number) => string,
): AttributedStep[] {
  // Candidates first (cheap), so that only the chosen steps are decoded.
  type Candidate = { userIds: readonly number[]; at: number; state?: Uint8Array; row?: number };
  const candidates: Candidate[] = section.points.map((p) => ({ ...p }));
  const rows = section.updates;
  let started = false;
  rows.forEach((row, i) => {
    if (row.meta) started = true;
    if (!started || !row.meta || !counts(row.meta) || !inside(row.meta.at, interval)) return;
    const next = rows[i + 1]?.meta;
    if (next && key(next.userIds) === key(row.meta.userIds) && inside(next.at, interval)) return;
    candidates.push({ userIds: row.meta.userIds, at: row.meta.at, row: i });
  });
  const chosen = lastOfRuns(candidates);
  const docs = new Map<Candidate, DocJSON>();
  const wanted = new Map(chosen.filter((c) => c.row !== undefined).map((c) => [c.row, c]));
  if (wanted.size > 0) {
    const ydoc = new Y.Doc();
    try {
      const last = Math.max(...[...wanted.keys()].map(Number));
      for (let i = 0; i <= last; i++) {
        applyStoredUpdate(ydoc, (rows[i] as StepUpdate).data);
        const candidate = wanted.get(i);
        if (candidate) docs.set(candidate, yDocToJSON(ydoc));
      }
    } finally {
      ydoc.destroy();
    }
  }
  return chosen.map((step) => ({
    doc: docs.get(step) ?? stateDoc([step.state ?? new Uint8Array([0, 0])]),
    attribution: {
      author: step.userIds.map(displayName).join(", "),
      date: new Date(step.at).toISOString(),
    },
  }));
}

function stateDoc(updates: readonly Uint8Array[]): DocJSON {
  const ydoc = new Y.Doc();
  try {
    for (const update of updates) applyStoredUpdate(ydoc, update);
    return yDocToJSON(ydoc);
  } finally {
    ydoc.destroy();
  }
}
