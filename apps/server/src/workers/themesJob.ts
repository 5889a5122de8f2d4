import type { ActionLineCount, ThemePassage, ThemePhrase } from "@rapporteur/api";
import {
  ActionLineStore,
  actionLineCounts,
  EvidenceStore,
  submissionThemes,
  type ThemeFilters,
  themePassages,
} from "@rapporteur/evidence";
import { workerDatabase } from "./workerDatabase";

/** What a themes route asks: the key phrases, one phrase's passages, or the Action Lines. */
export type ThemesQuery =
  | ({ type: "phrases"; limit: number } & ThemeFilters)
  | ({ type: "passages"; phrase: string } & ThemeFilters)
  | { type: "actionLines" };

/** The answer to a {@link ThemesQuery}, by its type. */
export type ThemesAnswer = ThemePhrase[] | ThemePassage[] | ActionLineCount[];

/**
 * A themes query to answer in a worker (see ServerWorkers): the worker reads the submissions from
 * the database file itself, read only, so their text (50 MB for 10,000) never crosses the event
 * loop.
 */
export interface ThemesJob {
  kind: "themes";
  databaseFile: string;
  query: ThemesQuery;
}

/** Answers a themes query from the library's stores (pure but for reading them). */
export function answerThemes(
  evidence: EvidenceStore,
  actionLines: ActionLineStore,
  query: ThemesQuery,
): ThemesAnswer {
  switch (query.type) {
    case "phrases":
      return submissionThemes(evidence.submissionAnswers(), query, query.limit);
    case "passages":
      return themePassages(evidence.submissionAnswers(), query.phrase, query);
    case "actionLines":
      return actionLineCounts(
        evidence.submissionAnswers(),
        actionLines.codedSources(),
        actionLines.rules(),
      );
  }
}

/** Answers a themes query from the database file (opened once, read only). */
export function runThemesJob(job: ThemesJob): Promise<ThemesAnswer> {
  const db = workerDatabase(job.databaseFile);
  return Promise.resolve(answerThemes(new EvidenceStore(db), new ActionLineStore(db), job.query));
}
