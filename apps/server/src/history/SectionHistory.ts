import type { AccountStore } from "@rapporteur/accounts";
import type { HistoryEntry } from "@rapporteur/api";
import { type DocJSON, replaceYDocContent, yDocToJSON } from "@rapporteur/schema";
import type {
  HistoryKind,
  HistoryPoint,
  HistoryPointInput,
  HistoryStore,
} from "@rapporteur/storage";
import * as Y from "yjs";
import type { CollabServer } from "../collab/CollabServer";
import type { HistoryKeeper } from "../collab/StorageExtension";
import type { CheckpointWorker } from "./CheckpointWorker";
import { HISTORY_GROUP_GAP_MS, historyCheckpoints } from "./historyCheckpoints";

export type { HistoryEntry };

interface Step extends Omit<HistoryPointInput, "state" | "pinned"> {
  id: string;
  label?: string | null;
}

/** Configuration of {@link SectionHistory}. */
export interface SectionHistoryOptions {
  history: HistoryStore;
  accounts: AccountStore;
  /** Assigned once the collaboration server exists (restores go through it). */
  collab(): CollabServer;
  /** Where compaction's checkpoints are made (default: on the calling thread). */
  worker?: CheckpointWorker;
  now?(): number;
}

/**
 * The history of the sections, as the server serves it: checkpoints made at compaction (see
 * HistoryStore for the retention rule) plus the recent edits not yet compacted, grouped per
 * author for a few minutes of work; a point's content; restores as live edits. Also the
 * {@link HistoryKeeper} of the storage extension: it turns updates into checkpoints when they
 * are compacted, and keeps a restore point before every import, accepted suggestion or restore.
 */
export class SectionHistory implements HistoryKeeper {
  readonly #options: SectionHistoryOptions;

  constructor(options: SectionHistoryOptions) {
    this.#options = options;
  }

  get store(): HistoryStore {
    return this.#options.history;
  }

  checkpoints(name: string, throughSeq: number): Promise<HistoryPointInput[]> {
    const rows = this.#options.history.updates(name, throughSeq);
    if (!rows.some((row) => row.meta)) return Promise.resolve([]);
    if (!this.#options.worker) return Promise.resolve(historyCheckpoints(rows).checkpoints);
    return this.#options.worker.run(rows);
  }

  keepRestorePoint(name: string, ydoc: Y.Doc, lastSeq: number): void {
    const { history } = this.#options;
    const latest = history.latest(name);
    if (latest && latest.seq === lastSeq && latest.kind !== "version") {
      history.pin(latest.id);
      return;
    }
    const at = this.#now();
    history.insert(name, [
      {
        seq: lastSeq,
        fromAt: at,
        at,
        userIds: [],
        kind: "edit",
        added: 0,
        removed: 0,
        pinned: true,
        state: Y.encodeStateAsUpdate(ydoc),
      },
    ]);
  }

  /** The section's history, newest first: a group per set of authors per few minutes of work. */
  async list(sectionId: string): Promise<HistoryEntry[]> {
    const recent = await this.#recent(sectionId);
    // In the order of the stored updates; a version or outline mark notes the content after the
    // updates it holds, so it follows them, and marks of the same content follow each other in time.
    const steps = [...this.#kept(sectionId), ...recent].sort(
      (a, b) =>
        a.seq - b.seq ||
        Number(isMark(a)) - Number(isMark(b)) ||
        a.at - b.at ||
        keptOrder(a) - keptOrder(b),
    );
    const groups: Step[] = [];
    for (const step of steps) {
      const last = groups.at(-1);
      if (
        last &&
        last.kind === "edit" &&
        step.kind === "edit" &&
        sameIds(last.userIds, step.userIds) &&
        step.fromAt - last.at < HISTORY_GROUP_GAP_MS
      ) {
        groups[groups.length - 1] = {
          ...step,
          fromAt: last.fromAt,
          added: last.added + step.added,
          removed: last.removed + step.removed,
        };
      } else {
        groups.push(step);
      }
    }
    return groups.reverse().map((group) => this.#entry(group));
  }

  /** The content of a history point as ProseMirror JSON, or undefined (no such point). */
  doc(sectionId: string, historyId: string): DocJSON | undefined {
    const state = this.state(sectionId, historyId);
    return state && stateToJSON(state);
  }

  /** The full state of a history point (a Yjs update), or undefined. */
  state(sectionId: string, historyId: string): Uint8Array | undefined {
    const { history } = this.#options;
    const match = /^([ps])([1-9][0-9]{0,15})$/.exec(historyId);
    if (!match) return undefined;
    const n = Number(match[2]);
    if (match[1] === "p") {
      return history.find(sectionId, { id: n }) ? history.state(n) : undefined;
    }
    const rows = history.updates(sectionId, n);
    if (rows.at(-1)?.seq === n && rows.at(-1)?.meta) return historyCheckpoints(rows, n).state;
    // Compacted since it was listed: the checkpoint made of it, if kept.
    const point = history.find(sectionId, { seq: n });
    return point ? history.state(point.id) : undefined;
  }

  /**
   * The restore point kept just before the newest server edit of `kind` (an import, say), as a
   * history id, or null.
   */
  restorePointBefore(sectionId: string, kind: HistoryKind): string | null {
    const { history } = this.#options;
    let seq = 0;
    for (const row of history.updates(sectionId)) if (row.meta?.kind === kind) seq = row.seq;
    if (seq === 0) {
      for (const point of history.points(sectionId))
        if (point.kind === kind) seq = Math.max(seq, point.seq);
    }
    if (seq === 0) return null;
    let before: HistoryPoint | undefined;
    for (const point of history.points(sectionId)) {
      if (point.seq < seq && point.pinned && (!before || point.seq >= before.seq)) before = point;
    }
    return before ? `p${before.id}` : null;
  }

  /**
   * Restores a section to `state` as a new live edit on top (stored, then shown to everyone),
   * recorded as kind `restore` by `userId`, after a restore point of the content it replaces.
   * Resolves with the history id of that restore point (to undo the restore).
   */
  async restore(
    sectionId: string,
    state: Uint8Array,
    userId: number | null,
  ): Promise<string | null> {
    const json = stateToJSON(state);
    const connection = await this.#options.collab().openDirectConnection(sectionId);
    try {
      await connection.transact(
        (ydoc) => {
          replaceYDocContent(ydoc, json);
          return true;
        },
        { userId, kind: "restore" },
      );
    } finally {
      connection.disconnect();
    }
    return this.restorePointBefore(sectionId, "restore");
  }

  #kept(sectionId: string): Step[] {
    return this.#options.history.points(sectionId).map((point) => ({
      ...point,
      id: `p${point.id}`,
    }));
  }

  /** The edits not yet compacted, grouped like checkpoints (off the event loop with a worker). */
  async #recent(sectionId: string): Promise<Step[]> {
    const rows = this.#options.history.updates(sectionId);
    if (!rows.some((row) => row.meta)) return [];
    const checkpoints = this.#options.worker
      ? await this.#options.worker.run(rows)
      : historyCheckpoints(rows).checkpoints;
    return checkpoints.map(({ state: _state, ...point }) => ({
      ...point,
      id: `s${point.seq}`,
    }));
  }

  #entry(step: Step): HistoryEntry {
    const entry: HistoryEntry = {
      id: step.id,
      at: new Date(step.at).toISOString(),
      from: new Date(step.fromAt).toISOString(),
      authors: step.userIds.map((id) => ({
        id,
        name: this.#options.accounts.get(id)?.displayName ?? `User ${id}`,
      })),
      added: step.added,
      removed: step.removed,
      kind: step.kind,
    };
    if (step.label) entry.name = step.label;
    return entry;
  }

  #now(): number {
    return this.#options.now?.() ?? Date.now();
  }
}

/** A section's full state as ProseMirror JSON. */
export function stateToJSON(state: Uint8Array): DocJSON {
  const ydoc = new Y.Doc();
  try {
    Y.applyUpdate(ydoc, state);
    return yDocToJSON(ydoc);
  } finally {
    ydoc.destroy();
  }
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** A version or outline point: marks the text as it is, adds no edit of its own. */
function isMark(step: Step): boolean {
  return step.kind === "version" || step.kind === "outline";
}

/** Kept points in the order they were stored (`p<n>`), others first. */
function keptOrder(step: Step): number {
  return step.id.startsWith("p") ? Number(step.id.slice(1)) : 0;
}
