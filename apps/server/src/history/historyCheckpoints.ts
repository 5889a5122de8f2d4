import { applyStoredUpdate } from "@rapporteur/report";
import { type DocJSON, yDocToJSON } from "@rapporteur/schema";
import type { AttributedUpdate, HistoryPointInput, UpdateMeta } from "@rapporteur/storage";
import * as Y from "yjs";
import { wordChanges } from "./wordChanges";

/** A gap this long (or longer) between two edits starts a new group in the history. */
export const HISTORY_GROUP_GAP_MS = 5 * 60_000;
const MINUTE_MS = 60_000;

/**
 * Replays a document's stored rows (a compacted state, then attributed updates) and returns the
 * restorable checkpoints they make: the full state at the end of each group of edits (same set
 * of authors and kind, gaps under {@link HISTORY_GROUP_GAP_MS}; every server-side edit is a group
 * of its own) and at the end of each minute inside a group, with the words each added and
 * removed. Leading rows without metadata (compacted states, older updates) are the starting
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
      const key = [...new Set(meta.userIds)].sort((a, b) => a - b).join(",");
      if (
        group &&
        (group.key !== key ||
          group.kind !== meta.kind ||
          meta.kind !== "edit" ||
          meta.at - group.at >= HISTORY_GROUP_GAP_MS ||
          Math.floor(meta.at / MINUTE_MS) !== Math.floor(group.at / MINUTE_MS))
      ) {
        close();
      }
      applyStoredUpdate(ydoc, row.data);
      if (group) {
        group.at = Math.max(group.at, meta.at);
        group.seq = row.seq;
      } else {
        group = {
          ...meta,
          userIds: key === "" ? [] : key.split(",").map(Number),
          fromAt: meta.at,
          seq: row.seq,
          key,
        };
      }
    }
    close();
    return { checkpoints, state: Y.encodeStateAsUpdate(ydoc) };
  } finally {
    ydoc.destroy();
  }
}
