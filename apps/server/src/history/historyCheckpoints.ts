// The file alone: the package index would load the exporters into the checkpoint worker.
import { applyStoredUpdate } from "@rapporteur/report/applyStoredUpdate";
import { type DocJSON, yDocToJSON } from "@rapporteur/schema";
import type { AttributedUpdate, HistoryPointInput, UpdateMeta } from "@rapporteur/storage";
import * as Y from "yjs";
import { wordChanges } from "./wordChanges";

/** A gap this long (or longer) between two edits starts a new group in the history. */
export const HISTORY_GROUP_GAP_MS = 5 * 60_000;
const MINUTE_MS = 60_000;
/**
 * Authors whose edits alternate this closely write at the same time: they share a group
 * (otherwise several people typing at once would make a checkpoint, a full state, per keystroke).
 * Longer turns (one author, then another, then the first again) stay groups of their own.
 */
export const HISTORY_TOGETHER_MS = 2_000;

/**
 * Replays a document's stored rows (a compacted state, then attributed updates) and returns the
 * restorable checkpoints they make: the full state at the end of each group of edits (same set
 * of authors and kind, gaps under {@link HISTORY_GROUP_GAP_MS}; every server-side edit is a group
 * of its own) and at the end of each minute inside a group, with the words each added and
 * removed. Authors writing at the same time (an update merged from several, or an author coming
 * back within {@link HISTORY_TOGETHER_MS} after another took over) share a group, which lists
 * them all. Leading rows without metadata (compacted states, older updates) are the starting
 * point; later ones join the group they fall in. Rows that cannot be applied are left out.
 * `upTo` stops after that sequence number and returns the state there as well.
 */
export function historyCheckpoints(
  rows: readonly AttributedUpdate[],
  upTo = Number.POSITIVE_INFINITY,
): { checkpoints: HistoryPointInput[]; state: Uint8Array } {
  const ydoc = new Y.Doc();
  try {
    const checkpoints: HistoryPointInput[] = [];
    let previous: DocJSON | null = null;
    let started = false;
    let group: (UpdateMeta & { fromAt: number; seq: number; key: string }) | null = null;
    const lastWrote = new Map<number, number>();
    const close = () => {
      if (!group) return;
      const json = yDocToJSON(ydoc);
      const { added, removed } = wordChanges(previous, json);
      previous = json;
      checkpoints.push({
        seq: group.seq,
        fromAt: group.fromAt,
        at: group.at,
        userIds: group.userIds,
        kind: group.kind,
        added,
        removed,
        state: Y.encodeStateAsUpdate(ydoc),
      });
      group = null;
    };
    for (const row of rows) {
      if (row.seq > upTo) break;
      if (!row.meta && !started) {
        applyStoredUpdate(ydoc, row.data);
        continue;
      }
      if (!started) {
        started = true;
        previous = yDocToJSON(ydoc);
      }
      const meta: UpdateMeta = row.meta ?? {
        userIds: group?.userIds ?? [],
        at: group?.at ?? 0,
        kind: group?.kind ?? "edit",
      };
      const ids = [...new Set(meta.userIds)].sort((a, b) => a - b);
      const joins =
        group !== null &&
        group.kind === "edit" &&
        meta.kind === "edit" &&
        meta.at - group.at < HISTORY_GROUP_GAP_MS &&
        Math.floor(meta.at / MINUTE_MS) === Math.floor(group.at / MINUTE_MS) &&
        (ids.join(",") === group.key || writesTogether(ids, group.userIds, meta.at, lastWrote));
      if (!joins) close();
      applyStoredUpdate(ydoc, row.data);
      for (const id of ids) lastWrote.set(id, meta.at);
      if (group) {
        group.at = Math.max(group.at, meta.at);
        group.seq = row.seq;
        if (ids.some((id) => !group?.userIds.includes(id))) {
          group.userIds = [...new Set([...group.userIds, ...ids])].sort((a, b) => a - b);
          group.key = group.userIds.join(",");
        }
      } else {
        group = { ...meta, userIds: ids, fromAt: meta.at, seq: row.seq, key: ids.join(",") };
      }
    }
    close();
    return { checkpoints, state: Y.encodeStateAsUpdate(ydoc) };
  } finally {
    ydoc.destroy();
  }
}

/**
 * Whether an update by `ids` belongs with the group of `groupIds` as work done together: it
 * was made by several authors at once, or the group already is several authors' and these are
 * among them, or one of its authors wrote within {@link HISTORY_TOGETHER_MS} before another
 * author's group began (their edits alternate).
 */
function writesTogether(
  ids: readonly number[],
  groupIds: readonly number[],
  at: number,
  lastWrote: ReadonlyMap<number, number>,
): boolean {
  if (ids.length > 1) return true;
  if (ids.length > 0 && groupIds.length > 1 && ids.every((id) => groupIds.includes(id)))
    return true;
  return ids.some(
    (id) =>
      !groupIds.includes(id) &&
      at - (lastWrote.get(id) ?? Number.NEGATIVE_INFINITY) < HISTORY_TOGETHER_MS,
  );
}
