import type { ApiAnswers } from "@rapporteur/api";
import {
  draftingDeadline,
  localDay,
  MAX_TARGET_WORDS,
  targetRangeSchema,
  timetableSchema,
} from "@rapporteur/budget";
import type { Request, RequestHandler } from "express";
import { z } from "zod";
import { budgetView } from "../../report/budgetView";
import { reportView } from "../../report/reportView";
import { workflowViews } from "../../report/workflowViews";
import type { ApiDependencies } from "../ApiDependencies";
import type { ApiRouteName } from "../apiRouteTable";
import { parseInput } from "../parseInput";
import { requestAuth } from "../requestAuth";
import { sectionFromPath } from "../sectionFromPath";
import { sectionViewFor } from "./sectionViewFor";

const budgetBody = z
  .object({
    targetRange: targetRangeSchema.optional(),
    footnotesCount: z.boolean().optional(),
  })
  .strict()
  .refine((b) => b.targetRange !== undefined || b.footnotesCount !== undefined, {
    message: "give targetRange and/or footnotesCount",
  });

const sectionBudgetBody = z
  .object({ budget: z.number().int().min(0).max(MAX_TARGET_WORDS).nullable() })
  .strict();

const timetableBody = z
  .object({ milestones: timetableSchema.shape.milestones.nullable() })
  .strict()
  .refine(
    (b) => b.milestones === null || timetableSchema.safeParse({ milestones: b.milestones }).success,
    { message: "milestone ids must be unique", path: ["milestones"] },
  );

/**
 * Handlers of the word budgets: `GET /api/budget` (the Budget page), and for editors
 * `PUT /api/budget` (target range, footnote rule), `PUT /api/sections/:id/budget` (one
 * allocation; null restores the outline's) and `PUT /api/timetable` (null restores
 * content/timetable.yaml). Changes are audited and pushed as the `budget` event.
 */
export function budgetHandlers(
  deps: ApiDependencies,
): Pick<
  Record<ApiRouteName, RequestHandler>,
  "budget" | "updateBudget" | "sectionBudget" | "timetable"
> {
  const { outline, counts, workflow, accounts, audit, budgets, history } = deps;
  const view = (request: Request) => {
    const { user } = requestAuth(request);
    const settings = budgets.settings();
    const report = reportView(
      outline.current(),
      counts,
      workflowViews(workflow, accounts, user.role),
      settings,
    );
    return budgetView(outline.current(), report, settings, history.list(), localDay());
  };
  return {
    budget(request, response) {
      response.json(view(request) satisfies ApiAnswers["budget"]);
    },

    updateBudget(request, response) {
      const { user } = requestAuth(request);
      const change = parseInput(budgetBody, request.body, "body");
      const before = budgets.settings();
      const after = budgets.update(change, user.username);
      audit.record({
        actor: user.username,
        action: "budget_changed",
        target: "report",
        detail: {
          from: { targetRange: before.targetRange, footnotesCount: before.footnotesCount },
          to: { targetRange: after.targetRange, footnotesCount: after.footnotesCount },
        },
        ip: request.ip ?? null,
      });
      response.json(view(request) satisfies ApiAnswers["updateBudget"]);
    },

    sectionBudget(request, response) {
      const { user } = requestAuth(request);
      const section = sectionFromPath(outline, request.params.id);
      const { budget } = parseInput(sectionBudgetBody, request.body, "body");
      const from = budgets.settings().allocations.get(section.id);
      const settings = budgets.setAllocation(section.id, budget, user.username);
      audit.record({
        actor: user.username,
        action: "budget_changed",
        target: section.id,
        detail: { from, to: settings.allocations.get(section.id) },
        ip: request.ip ?? null,
      });
      response.json(
        sectionViewFor(deps, section, user.role, settings) satisfies ApiAnswers["sectionBudget"],
      );
    },

    timetable(request, response) {
      const { user } = requestAuth(request);
      const { milestones } = parseInput(timetableBody, request.body, "body");
      const settings = budgets.setTimetable(milestones, user.username);
      audit.record({
        actor: user.username,
        action: "timetable_changed",
        target: "report",
        detail: { milestones: milestones?.length ?? null },
        ip: request.ip ?? null,
      });
      response.json({
        timetable: settings.timetable,
        timetableOverridden: settings.timetableOverridden,
        deadline: draftingDeadline({ milestones: settings.timetable }),
      } satisfies ApiAnswers["timetable"]);
    },
  };
}
