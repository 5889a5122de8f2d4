import { FIRST_REPORT_ID, ReportMembershipError, ROLES, type User } from "@rapporteur/accounts";
import type { ApiAnswers, ReportMemberView, ReportSummaryView } from "@rapporteur/api";
import {
  isReportTemplateId,
  REPORT_TEMPLATE_IDS,
  type ReportTemplateId,
  reportTemplates,
} from "@rapporteur/outline";
import type { Request, RequestHandler } from "express";
import { z } from "zod";
import type { ReportWorkspaces } from "../../workspace/ReportWorkspaces";
import type { ApiDependencies } from "../ApiDependencies";
import type { ApiRouteName } from "../apiRouteTable";
import { badRequest, conflict, forbidden, notFound } from "../errors";
import { parseInput } from "../parseInput";
import { reportNotFound } from "../reportNotFound";
import { requestAuth } from "../requestAuth";

const ID = /^[1-9][0-9]{0,9}$/;
/** Longest report title accepted. */
const MAX_TITLE_LENGTH = 300;
const createBody = z
  .object({
    title: z
      .string()
      .trim()
      .min(1, "give the report a title")
      .max(MAX_TITLE_LENGTH, `a title has at most ${MAX_TITLE_LENGTH} characters`),
    template: z.enum(REPORT_TEMPLATE_IDS, {
      error: `a template is one of ${REPORT_TEMPLATE_IDS.join(", ")}`,
    }),
  })
  .strict();
const memberBody = z.object({ role: z.enum(ROLES) }).strict();

/**
 * Handlers of the instance's reports: the list, creation from a template (instance
 * administrators), the templates, and each report's members (its editors and administrators).
 */
export function workspaceHandlers(
  deps: ApiDependencies,
): Pick<
  Record<ApiRouteName, RequestHandler>,
  | "listReports"
  | "createReport"
  | "reportTemplates"
  | "reportMembers"
  | "setReportMember"
  | "removeReportMember"
> {
  const workspaces = (): ReportWorkspaces => {
    if (!deps.workspaces) throw notFound("route_not_found", "This server has no report list");
    return deps.workspaces;
  };

  // The report of `/reports/:reportId/members`, if the caller may manage its members: its
  // editors and instance administrators; 404 for anyone else who is not a member.
  const managed = (request: Request) => {
    const all = workspaces();
    const { user } = requestAuth(request);
    const raw = request.params.reportId;
    const id = typeof raw === "string" && ID.test(raw) ? Number(raw) : undefined;
    const report = id === undefined ? undefined : all.directory.get(id);
    const role = report ? all.roleIn(report.id, user) : undefined;
    const admin = all.isInstanceAdmin(user);
    if (!report || (!role && !admin)) throw reportNotFound();
    if (role !== "editor" && !admin) {
      throw forbidden(
        "editors_only",
        `Only the report's editors manage its members; you are a ${role}`,
      );
    }
    return { all, report, actor: user };
  };

  const memberView = (user: User, role: ReportMemberView["role"]): ReportMemberView => ({
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role,
  });

  const audit = async (
    all: ReportWorkspaces,
    reportId: number,
    entry: Parameters<ApiDependencies["audit"]["record"]>[0],
  ) => {
    const workspace = await all.open(reportId);
    (workspace?.audit ?? deps.audit).record(entry);
  };

  return {
    listReports(request, response) {
      const all = workspaces();
      const { user } = requestAuth(request);
      const admin = all.isInstanceAdmin(user);
      const memberships = all.directory.membershipsOf(user.id);
      const reports: ReportSummaryView[] = all.directory
        .list()
        .filter((report) => admin || memberships.has(report.id))
        .map((report) => ({
          id: report.id,
          title: report.title,
          template: isReportTemplateId(report.template) ? report.template : "blank",
          createdAt: report.createdAt,
          role: memberships.get(report.id) ?? null,
          first: report.id === FIRST_REPORT_ID,
        }));
      response.json({ reports, mayCreate: admin } satisfies ApiAnswers["listReports"]);
    },

    async createReport(request, response) {
      const all = workspaces();
      const { user } = requestAuth(request);
      if (!all.isInstanceAdmin(user)) {
        throw forbidden("instance_admins_only", "Only instance administrators create reports");
      }
      const body = parseInput(createBody, request.body, "body");
      const id = await all.create(body.title, body.template as ReportTemplateId, user);
      const entry = {
        actor: user.username,
        action: "report_created" as const,
        target: `report:${id}`,
        detail: { title: body.title, template: body.template },
        ip: request.ip ?? null,
      };
      deps.audit.record(entry);
      await audit(all, id, entry);
      response.status(201).json({ id } satisfies ApiAnswers["createReport"]);
    },

    reportTemplates(_request, response) {
      response.json({
        templates: reportTemplates().map((template) => {
          const outline = template.outline();
          return {
            id: template.id,
            title: template.title,
            description: template.description,
            parts: outline.parts.length,
            sections: outline.sections.length,
          };
        }),
      } satisfies ApiAnswers["reportTemplates"]);
    },

    reportMembers(request, response) {
      const { all, report } = managed(request);
      const members = all.directory.members(report.id).flatMap((member) => {
        const user = deps.accounts.get(member.userId);
        return user ? [memberView(user, member.role)] : [];
      });
      response.json({ members } satisfies ApiAnswers["reportMembers"]);
    },

    async setReportMember(request, response) {
      const { all, report, actor } = managed(request);
      const body = parseInput(memberBody, request.body, "body");
      const raw = request.params.userId;
      const user = typeof raw === "string" && ID.test(raw) ? deps.accounts.get(Number(raw)) : null;
      if (!user) throw badRequest("user_not_found", `No user with id ${String(raw)}`);
      const before = all.directory.roleOf(report.id, user.id) ?? null;
      try {
        all.directory.setMember(report.id, user.id, body.role);
      } catch (error) {
        if (error instanceof ReportMembershipError) throw conflict(error.id, error.message);
        throw error;
      }
      if (report.id === FIRST_REPORT_ID && user.role !== body.role) {
        // The first report's role is the account's role: both change together.
        deps.accountEvents.emit({
          type: "user_changed",
          user: deps.accounts.setRole(user.id, body.role),
        });
      }
      await all.membershipChanged(report.id, user.id);
      await audit(all, report.id, {
        actor: actor.username,
        action: "report_member_set",
        target: user.username,
        detail: { report: report.id, from: before, to: body.role },
        ip: request.ip ?? null,
      });
      response.json({
        member: memberView(user, body.role),
      } satisfies ApiAnswers["setReportMember"]);
    },

    async removeReportMember(request, response) {
      const { all, report, actor } = managed(request);
      const raw = request.params.userId;
      const user = typeof raw === "string" && ID.test(raw) ? deps.accounts.get(Number(raw)) : null;
      if (!user) throw badRequest("user_not_found", `No user with id ${String(raw)}`);
      const before = all.directory.roleOf(report.id, user.id);
      if (!before) throw notFound("member_not_found", `${user.username} is not a member`);
      try {
        all.directory.removeMember(report.id, user.id);
      } catch (error) {
        if (error instanceof ReportMembershipError) throw conflict(error.id, error.message);
        throw error;
      }
      await all.membershipChanged(report.id, user.id);
      await audit(all, report.id, {
        actor: actor.username,
        action: "report_member_removed",
        target: user.username,
        detail: { report: report.id, from: before },
        ip: request.ip ?? null,
      });
      response.status(204).end();
    },
  };
}
