import {
  type ChangeAttribution,
  type ChangeContext,
  DEFAULT_CHANGE_AUTHOR,
} from "@rapporteur/compare";

/** One attributed change as the history stores it (a checkpoint or a stored update's metadata). */
interface HistoryChange {
  at: number;
  userIds: readonly number[];
  kind: string;
}

/**
 * The part of the storage's HistoryStore that attribution reads: a section's checkpoints and its
 * stored updates with their metadata (authors, time, kind).
 */
export interface ChangeHistory {
  points(doc: string): readonly HistoryChange[];
  updates(doc: string): readonly { meta: HistoryChange | null }[];
}

/** The interval of a comparison, ms since the epoch: changes with `after < at <= through`. */
export interface ComparisonInterval {
  after: number;
  through: number;
}

/**
 * Who changed a section between two moments, by its attributed history: the authors of the
 * history's changes (edits, imports, accepted suggestions, restores; not version markers) made
 * after `interval.after` and up to `interval.through`, in the order they first changed it, their
 * display names joined ("Amina Diallo, Jon Smith"), dated at the last of those changes. One
 * author: that author's name. Undefined when the history holds no attributed change in the
 * interval (e.g. content stored before the history existed).
 *
 * This is the attribution rule of comparisons (GET /api/export?compare=, GET
 * /api/sections/:id/compare, `rapporteur export --compare`): every change of a section in the
 * comparison is attributed to that author (or those authors) and date.
 */
export function sectionAttribution(
  history: ChangeHistory,
  sectionId: string,
  interval: ComparisonInterval,
  displayName: (userId: number) => string,
): ChangeAttribution | undefined {
  const changes: HistoryChange[] = [...history.points(sectionId)];
  for (const update of history.updates(sectionId)) if (update.meta) changes.push(update.meta);
  const inInterval = changes
    .filter(
      (c) =>
        c.kind !== "version" &&
        c.userIds.length > 0 &&
        c.at > interval.after &&
        c.at <= interval.through,
    )
    .sort((a, b) => a.at - b.at);
  const last = inInterval.at(-1);
  if (!last) return undefined;
  const authors: number[] = [];
  for (const change of inInterval) {
    for (const id of change.userIds) if (!authors.includes(id)) authors.push(id);
  }
  return {
    author: authors.map(displayName).join(", "),
    date: new Date(last.at).toISOString(),
  };
}

/**
 * The attribution of a comparison from one attribution per section (see sectionAttribution):
 * a change of a section without one gets `fallback` ("Rapporteur" at the newer version's time).
 */
export function attributionBySection(
  bySection: Readonly<Record<string, ChangeAttribution>>,
  fallback: ChangeAttribution,
): (change: ChangeContext) => ChangeAttribution {
  return (change) =>
    (change.sectionId !== undefined && Object.hasOwn(bySection, change.sectionId)
      ? bySection[change.sectionId]
      : undefined) ?? fallback;
}

/** The attribution of changes the history cannot name: {@link DEFAULT_CHANGE_AUTHOR} at `at`. */
export function fallbackAttribution(at: number): ChangeAttribution {
  return { author: DEFAULT_CHANGE_AUTHOR, date: new Date(at).toISOString() };
}
