import { mayEditActionLineRules } from "@rapporteur/accounts/roles";
import type { ActionLineCount, ApiAnswers, ThemePassage, ThemePhrase } from "@rapporteur/api";
import { ACTION_LINES, normaliseStakeholderGroup, QUESTION_IDS } from "@rapporteur/evidence";
import type { RequestHandler } from "express";
import { z } from "zod";
import { answerThemes, type ThemesAnswer, type ThemesQuery } from "../../workers/themesJob";
import type { ApiDependencies } from "../ApiDependencies";
import type { ApiRouteName } from "../apiRouteTable";
import { forbidden } from "../errors";
import { parseInput } from "../parseInput";
import { requestAuth } from "../requestAuth";
import { workerJobHttpError } from "../workerJobHttpError";

const MAX_PHRASES = 500;

const filters = {
  question: z.enum(QUESTION_IDS).optional(),
  group: z.string().trim().max(200).optional(),
};

const themesQuery = z
  .object({ ...filters, limit: z.coerce.number().int().min(1).max(MAX_PHRASES).optional() })
  .strict();

const passagesQuery = z.object({ ...filters, phrase: z.string().trim().min(1).max(300) }).strict();

const rulesBody = z
  .object({
    rules: z.partialRecord(
      z.enum(ACTION_LINES),
      z.array(z.string().trim().min(1).max(200)).max(200),
    ),
  })
  .strict();

/**
 * The themes of the submissions (`GET /api/evidence/themes`, `…/themes/passages`,
 * `…/action-lines`), for every role. Computed in a worker that reads the library itself (the
 * text of 10,000 submissions takes seconds to go through), and the phrases only once per library
 * state and filter: the library changes only by import, so that cache is keyed by its version
 * (count and last id).
 */
export function themeHandlers(
  deps: ApiDependencies,
): Pick<
  Record<ApiRouteName, RequestHandler>,
  | "evidenceThemes"
  | "evidenceThemePassages"
  | "evidenceActionLines"
  | "actionLineRules"
  | "updateActionLineRules"
> {
  const { evidence, actionLines, audit, databaseFile, workers } = deps;
  let cacheVersion = "";
  const cache = new Map<string, Promise<ThemePhrase[]>>();
  const answer = async (query: ThemesQuery): Promise<ThemesAnswer> =>
    databaseFile && workers
      ? workers.themes(databaseFile, query).catch((error: unknown) => {
          throw workerJobHttpError(error, "export");
        })
      : answerThemes(evidence, actionLines, query);
  const groupOf = (group: string | undefined) =>
    group ? (normaliseStakeholderGroup(group) ?? group) : null;
  return {
    async evidenceThemes(request, response) {
      const { question, group, limit } = parseInput(themesQuery, request.query, "query");
      const version = evidence.version();
      if (version !== cacheVersion) {
        cache.clear();
        cacheVersion = version;
      }
      const key = `${question ?? ""}|${groupOf(group) ?? ""}|${limit ?? 50}`;
      let phrases = cache.get(key);
      if (!phrases) {
        const computing = answer({
          type: "phrases",
          question,
          group: groupOf(group),
          limit: limit ?? 50,
        }) as Promise<ThemePhrase[]>;
        phrases = computing;
        if (cache.size > 200) cache.clear();
        cache.set(key, computing);
        // A failure is not kept: the next request tries again.
        computing.catch(() => {
          if (cache.get(key) === computing) cache.delete(key);
        });
      }
      response.json({ phrases: await phrases } satisfies ApiAnswers["evidenceThemes"]);
    },

    async evidenceThemePassages(request, response) {
      const { question, group, phrase } = parseInput(passagesQuery, request.query, "query");
      const passages = (await answer({
        type: "passages",
        phrase,
        question,
        group: groupOf(group),
      })) as ThemePassage[];
      response.json({ passages } satisfies ApiAnswers["evidenceThemePassages"]);
    },

    async evidenceActionLines(_request, response) {
      const lines = (await answer({ type: "actionLines" })) as ActionLineCount[];
      response.json({ lines } satisfies ApiAnswers["evidenceActionLines"]);
    },

    actionLineRules(request, response) {
      const { user } = requestAuth(request);
      response.json({
        rules: actionLines.rules(),
        mayEdit: mayEditActionLineRules(user.role),
      } satisfies ApiAnswers["actionLineRules"]);
    },

    updateActionLineRules(request, response) {
      const { user } = requestAuth(request);
      if (!mayEditActionLineRules(user.role))
        throw forbidden("read_only", "Only editors change the keyword rules of the Action Lines");
      const { rules } = parseInput(rulesBody, request.body, "body");
      const cleaned = Object.fromEntries(
        Object.entries(rules).map(([line, keywords]) => [line, [...new Set(keywords)]]),
      );
      actionLines.setRules(cleaned, user.username);
      audit.record({
        actor: user.username,
        action: "action_line_rules_changed",
        target: Object.keys(cleaned).join(","),
        detail: { rules: cleaned },
        ip: request.ip ?? null,
      });
      response.json({
        rules: actionLines.rules(),
        mayEdit: true,
      } satisfies ApiAnswers["updateActionLineRules"]);
    },
  };
}
