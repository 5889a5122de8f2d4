import type { ApiAnswers } from "@rapporteur/api";
import { isLocked, nextStatus, WorkflowError } from "@rapporteur/workflow";
import type { RequestHandler } from "express";
import { z } from "zod";
import type { ApiDependencies } from "../ApiDependencies";
import type { ApiRouteName } from "../apiRouteTable";
import { badRequest, conflict, forbidden } from "../errors";
import { parseInput } from "../parseInput";
import { requestAuth } from "../requestAuth";
import { sectionFromPath } from "../sectionFromPath";
import { sectionViewFor } from "./sectionViewFor";

const statusBody = z.object({ action: z.enum(["submit", "approve", "reopen"]) }).strict();
const leadsBody = z
  .object({
    leads: z
      .array(
        z
          .number()
          .int()
          .positive()
          .max(2 ** 31),
      )
      .max(20),
  })
  .strict();

/** Handlers of `POST /api/sections/:id/status` and `PUT /api/sections/:id/leads`. */
export function workflowHandlers(
  deps: ApiDependencies,
): Pick<Record<ApiRouteName, RequestHandler>, "sectionStatus" | "sectionLeads"> {
  const { outline, workflow, accounts, audit } = deps;
  return {
    sectionStatus(request, response) {
      const { user } = requestAuth(request);
      const section = sectionFromPath(outline, request.params.id);
      const { action } = parseInput(statusBody, request.body, "body");
      const from = workflow.get(section.id).status;
      let to: typeof from;
      try {
        to = nextStatus(from, action, user.role);
      } catch (error) {
        if (!(error instanceof WorkflowError)) throw error;
        throw error.id === "role_not_allowed"
          ? forbidden(error.id, error.message)
          : conflict(error.id, error.message);
      }
      // Listeners (open connections, event streams) hear of it before this returns.
      workflow.setStatus(section.id, to, user.username);
      audit.record({
        actor: user.username,
        action: "section_status_changed",
        target: section.id,
        detail: { action, from, to, locked: isLocked(to), wasLocked: isLocked(from) },
        ip: request.ip ?? null,
      });
      response.json(sectionViewFor(deps, section, user.role) satisfies ApiAnswers["sectionStatus"]);
    },

    sectionLeads(request, response) {
      const { user } = requestAuth(request);
      const section = sectionFromPath(outline, request.params.id);
      const { leads } = parseInput(leadsBody, request.body, "body");
      for (const id of leads) {
        const lead = accounts.get(id);
        // The lead's role in this report (a member's), not their account's.
        const role = lead && (deps.roleOf ? deps.roleOf(lead.id) : lead.role);
        if (!lead?.active || (role !== "drafter" && role !== "editor")) {
          throw badRequest(
            "invalid_leads",
            `body.leads: user ${id} is not an active drafter or editor of this report`,
          );
        }
      }
      const from = workflow.get(section.id).leads;
      const stored = workflow.setLeads(section.id, leads, user.username);
      audit.record({
        actor: user.username,
        action: "section_leads_changed",
        target: section.id,
        detail: { from, to: stored.leads },
        ip: request.ip ?? null,
      });
      response.json(sectionViewFor(deps, section, user.role) satisfies ApiAnswers["sectionLeads"]);
    },
  };
}
