import { mayEditOutline, type Role } from "@rapporteur/accounts/roles";
import type { ApiAnswers, ReportView } from "@rapporteur/api";
import { findSoffice } from "@rapporteur/report";
import type { RequestHandler } from "express";
import { sectionWithOpenComments, withOpenComments } from "../../comments/withOpenComments";
import { reportView, sectionView } from "../../report/reportView";
import { workflowViews } from "../../report/workflowViews";
import type { ApiDependencies } from "../ApiDependencies";
import type { ApiRouteName } from "../apiRouteTable";
import { requestAuth } from "../requestAuth";
import { sectionFromPath } from "../sectionFromPath";

/**
 * The report as `GET /api/report` answers it for a user of `role`: the outline in force with
 * counts, workflow, open comments, the outline's revision and what the user may do.
 */
export function fullReportView(deps: ApiDependencies, role: Role): ReportView {
  const { outline, counts, workflow, accounts } = deps;
  const view = reportView(
    outline.current(),
    counts,
    workflowViews(workflow, accounts, role),
    deps.budgets.settings(),
  );
  const exportFormats: ReportView["exportFormats"] = findSoffice()
    ? ["docx", "md", "pdf"]
    : ["docx", "md"];
  return {
    ...withOpenComments(view, deps.comments.store.openCountsBySection()),
    exportFormats,
    revision: outline.revision(),
    mayEditOutline: mayEditOutline(role),
  };
}

/** Handlers of `/api/health`, `/api/report`, `/api/sections/:id` and `/api/events`. */
export function reportHandlers(
  deps: ApiDependencies,
): Pick<Record<ApiRouteName, RequestHandler>, "health" | "report" | "section" | "events"> {
  const { outline, counts, events, workflow, accounts } = deps;
  return {
    health(_request, response) {
      response.json({ ok: true } satisfies ApiAnswers["health"]);
    },

    report(request, response) {
      const { user } = requestAuth(request);
      response.json(fullReportView(deps, user.role) satisfies ApiAnswers["report"]);
    },

    section(request, response) {
      const { user } = requestAuth(request);
      const section = sectionFromPath(outline, request.params.id);
      const view = workflowViews(workflow, accounts, user.role)(section.id);
      response.json(
        sectionWithOpenComments(
          sectionView(section, counts, view, deps.budgets.settings()),
          deps.comments.store.openCountsBySection(),
        ),
      );
    },

    events(request, response) {
      const { user, token } = requestAuth(request);
      events.open(response, { userId: user.id, token });
    },
  };
}
