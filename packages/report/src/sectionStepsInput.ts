import type { ComparisonInterval } from "./historyAttribution";
import { type SectionSteps, type StepPoint, type StepUpdate, stepPoints } from "./historySteps";

/** The part of the storage's HistoryStore that sectionStepsInput reads. */
export interface StepHistory {
  points(doc: string): readonly StepPoint[];
  state(id: number): Uint8Array | undefined;
  updates(doc: string): StepUpdate[];
}

const EMPTY_UPDATE = new Uint8Array([0, 0]);

/**
 * What a worker replays (historySteps) to credit each change of a section during `interval` to
 * its author: the states of the checkpoints made in it (stepPoints) and the stored rows not yet
 * compacted. Adds the display name of every author it meets to `names`.
 */
export function sectionStepsInput(
  history: StepHistory,
  sectionId: string,
  interval: ComparisonInterval,
  names: Record<number, string>,
  displayName: (userId: number) => string,
): SectionSteps {
  const named = (ids: readonly number[]) => {
    for (const id of ids) names[id] ??= displayName(id);
  };
  const points = stepPoints(history.points(sectionId), interval).map((point) => {
    named(point.userIds);
    return {
      state: history.state(point.id) ?? EMPTY_UPDATE,
      at: point.at,
      userIds: point.userIds,
    };
  });
  const updates = history.updates(sectionId);
  for (const row of updates) if (row.meta) named(row.meta.userIds);
  return { points, updates };
}
