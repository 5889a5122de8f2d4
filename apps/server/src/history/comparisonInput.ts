import type { AccountStore } from "@rapporteur/accounts";
import {
  type ChangeAttribution,
  fallbackAttribution,
  type SectionSteps,
  sectionAttribution,
  sectionStepsInput,
} from "@rapporteur/report";
import type { DocumentStore, HistoryStore } from "@rapporteur/storage";
import type { CompareJob } from "../workers/compareJob";
import type { ReportVersions } from "./ReportVersions";

/** What a comparison is between: a named version and now, or two named versions. */
export interface ComparisonEnds {
  /** The older version's id. */
  compare: number;
  /** The newer version's id; now (the stored sections) when omitted. */
  to?: number;
}

/** What comparisonInput reads. */
export interface ComparisonSources {
  store: DocumentStore;
  versions: ReportVersions;
  history: HistoryStore;
  accounts: AccountStore;
  now?(): number;
}

const EMPTY_UPDATE = new Uint8Array([0, 0]);

/**
 * The bytes and attribution of a comparison, gathered cheaply on the server thread for a
 * compare job: the version states (or the stored updates, for now) of each section, and each
 * section's attribution by the history rule of sectionAttribution (the authors of the changes
 * between the two versions' times, dated at the last), and the history each section went
 * through in between (checkpoint states and stored updates, for historySteps in the worker: each
 * change credited to the person who made it). The versions must exist.
 */
export async function comparisonInput(
  sources: ComparisonSources,
  ends: ComparisonEnds,
  sectionIds: readonly string[],
): Promise<
  Pick<
    CompareJob,
    "older" | "newer" | "attribution" | "fallback" | "history" | "names" | "interval"
  >
> {
  const { store, versions, history, accounts } = sources;
  const olderAt = versions.get(ends.compare)?.at ?? 0;
  const newerAt =
    ends.to === undefined ? (sources.now?.() ?? Date.now()) : (versions.get(ends.to)?.at ?? 0);
  const interval = { after: Math.min(olderAt, newerAt), through: Math.max(olderAt, newerAt) };
  const name = (id: number) => accounts.get(id)?.displayName ?? `User ${id}`;
  const older: Record<string, Uint8Array[]> = {};
  const newer: Record<string, Uint8Array[]> = {};
  const attribution: Record<string, ChangeAttribution> = {};
  const steps: Record<string, SectionSteps> = {};
  const names: Record<number, string> = {};
  // Replaying history backwards (an older version compared with a newer one) credits no one.
  const forwards = olderAt <= newerAt;
  for (const id of sectionIds) {
    older[id] = [versions.sectionState(ends.compare, id) ?? EMPTY_UPDATE];
    newer[id] =
      ends.to === undefined
        ? (await store.load(id)).updates
        : [versions.sectionState(ends.to, id) ?? EMPTY_UPDATE];
    const by = sectionAttribution(history, id, interval, name);
    if (by) attribution[id] = by;
    if (!by || !forwards) continue;
    steps[id] = sectionStepsInput(history, id, interval, names, name);
  }
  return {
    older,
    newer,
    attribution,
    fallback: fallbackAttribution(newerAt),
    history: steps,
    names,
    interval,
  };
}
