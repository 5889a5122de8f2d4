import { FIRST_REPORT_ID } from "@rapporteur/accounts";
import type { RequestHandler } from "express";
import { notFound } from "../http/errors";
import { reportNotFound } from "../http/reportNotFound";
import { requestAuth, setRequestAuth } from "../http/requestAuth";
import type { ReportWorkspaces } from "./ReportWorkspaces";

const REPORT_ID = /^[1-9][0-9]{0,9}$/;

/**
 * Serves a report's routes: the report of `:reportId` (or, without one, the first report), for
 * its members only (404 `report_not_found` for anyone else and for unknown ids alike). The one
 * place that gives a request its user's role: the role in the report served, which every
 * permission check of the report's routes then reads.
 */
export function reportDispatch(workspaces: ReportWorkspaces, scoped: boolean): RequestHandler {
  return async (request, response, next) => {
    try {
      let id = FIRST_REPORT_ID;
      if (scoped) {
        const raw = request.params.reportId;
        if (typeof raw !== "string" || !REPORT_ID.test(raw)) throw reportNotFound();
        id = Number(raw);
      }
      const auth = requestAuth(request);
      const role = workspaces.roleIn(id, auth.user);
      const opening = role ? workspaces.open(id) : undefined;
      if (!role || !opening) throw reportNotFound();
      const workspace = await opening;
      setRequestAuth(request, { ...auth, user: { ...auth.user, role } });
      workspace.router(request, response, (error?: unknown) => {
        if (error !== undefined && error !== "route" && error !== "router") next(error);
        else if (scoped) {
          next(
            notFound("route_not_found", `No API route ${request.method} ${request.originalUrl}`),
          );
        } else next();
      });
    } catch (error) {
      next(error);
    }
  };
}
