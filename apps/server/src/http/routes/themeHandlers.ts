import { mayEditActionLineRules } from "@rapporteur/accounts/roles";
import type { ApiAnswers } from "@rapporteur/api";
import {
  ACTION_LINES,
  actionLineCounts,
  normaliseStakeholderGroup,
  QUESTION_IDS,
  submissionThemes,
  themePassages,
} from "@rapporteur/evidence";
import type { ThemePhrase } from "@rapporteur/evidence/source";
import type { RequestHandler } from "express";
import { z } from "zod";
import type { ApiDependencies } from "../ApiDependencies";
import type { ApiRouteName } from "../apiRouteTable";
import { forbidden } from "../errors";
import { parseInput } from "../parseInput";
import { requestAuth } from "../requestAuth";

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
 * The themes of the submissions (`GET /api/evidence/themes`, `…/themes/passages`), for every
 * role. The phrases are computed on the event loop but only once per library state and filter:
 * the library changes only by import, so the cache is keyed by its version (count and last id).
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
  const { evidence, actionLines, audit } = deps;
  let cacheVersion = "";
  const cache = new Map<string, ThemePhrase[]>();
  const groupOf = (group: string | undefined) =>
    group ? (normaliseStakeholderGroup(group) ?? group) : null;
  return {
    evidenceThemes(request, response) {
      const { question, group, limit } = parseInput(themesQuery, request.query, "query");
      const version = evidence.version();
      if (version !== cacheVersion) {
        cache.clear();
        cacheVersion = version;
      }
      const key = `${question ?? ""}|${groupOf(group) ?? ""}|${limit ?? 50}`;
      let phrases = cache.get(key);
      if (!phrases) {
        phrases = submissionThemes(
          evidence.submissionAnswers(),
          { question, group: groupOf(group) },
          limit ?? 50,
        );
        if (cache.size > 200) cache.clear();
        cache.set(key, phrases);
      }
      response.json({ phrases } satisfies ApiAnswers["evidenceThemes"]);
    },

    evidenceThemePassages(request, response) {
      const { question, group, phrase } = parseInput(passagesQuery, request.query, "query");
      const passages = themePassages(evidence.submissionAnswers(), phrase, {
        question,
        group: groupOf(group),
      });
      response.json({ passages } satisfies ApiAnswers["evidenceThemePassages"]);
    },

    evidenceActionLines(_request, response) {
      const lines = actionLineCounts(
        evidence.submissionAnswers(),
        actionLines.codedSources(),
        actionLines.rules(),
      );
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
