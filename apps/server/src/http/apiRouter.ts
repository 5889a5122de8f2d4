import { isReportRoute } from "@rapporteur/api";
import express, { type RequestHandler, Router } from "express";
import { ServerWorkers } from "../workers/ServerWorkers";
import type { ApiDependencies } from "./ApiDependencies";
import { API_ROUTES, type ApiRouteName } from "./apiRouteTable";
import { fileBodyParser } from "./fileBodyParser";
import {
  requireEditor,
  requireInstanceAdmin,
  requireOutlineEditor,
  requireSession,
} from "./requireSession";
import { anchorHandlers } from "./routes/anchorHandlers";
import { auditHandlers } from "./routes/auditHandlers";
import { authHandlers } from "./routes/authHandlers";
import { budgetHandlers } from "./routes/budgetHandlers";
import { codingHandlers } from "./routes/codingHandlers";
import { commentHandlers } from "./routes/commentHandlers";
import { documentSettingsHandlers } from "./routes/documentSettingsHandlers";
import { evidenceHandlers } from "./routes/evidenceHandlers";
import { exportHandlers } from "./routes/exportHandlers";
import { historyHandlers } from "./routes/historyHandlers";
import { importHandlers } from "./routes/importHandlers";
import { outlineHandlers } from "./routes/outlineHandlers";
import { reportHandlers } from "./routes/reportHandlers";
import { themeHandlers } from "./routes/themeHandlers";
import { userHandlers } from "./routes/userHandlers";
import { workflowHandlers } from "./routes/workflowHandlers";
import { workspaceHandlers } from "./routes/workspaceHandlers";

const WITH_BODY = new Set(["post", "put", "patch", "delete"]);

/**
 * Which routes a router serves: `all` (a one-report server), `instance` (accounts, sessions, the
 * report list: served once, with the session check for everything after it) or `report` (one
 * report's routes, behind a dispatcher that has checked the session and set the user's role in
 * that report).
 */
export type ApiRouterScope = "all" | "instance" | "report";

/**
 * The JSON API under `/api`, built from {@link API_ROUTES}: the public routes first, then the
 * session check for everything else (so an unknown path answers 401 too, not 404, to someone
 * signed out), then the signed-in routes, editors-only ones behind the role check. Bodies are
 * parsed only after the session check: a stranger cannot make the server parse anything but the
 * sign-in form.
 */
export function apiRouter(given: ApiDependencies, scope: ApiRouterScope = "all"): Router {
  const deps: ApiDependencies = {
    ...given,
    workers: given.workers ?? new ServerWorkers({ importTimeoutMs: given.importTimeoutMs }),
  };
  const handlers: Record<ApiRouteName, RequestHandler> = {
    ...authHandlers(deps),
    ...reportHandlers(deps),
    ...workflowHandlers(deps),
    ...userHandlers(deps),
    ...auditHandlers(deps),
    ...commentHandlers(deps),
    ...exportHandlers(deps),
    ...anchorHandlers(deps),
    ...documentSettingsHandlers(deps),
    ...importHandlers(deps),
    ...budgetHandlers(deps),
    ...historyHandlers(deps),
    ...outlineHandlers(deps),
    ...evidenceHandlers(deps),
    ...themeHandlers(deps),
    ...codingHandlers(deps),
    ...workspaceHandlers(deps),
  };
  const json = express.json({ limit: deps.maxBodyBytes });
  const fileJson = fileBodyParser(deps.maxImportBytes);
  const router = Router();
  const routes = (
    Object.entries(API_ROUTES) as [ApiRouteName, (typeof API_ROUTES)[ApiRouteName]][]
  ).filter(([name]) => scope === "all" || isReportRoute(name) === (scope === "report"));
  // On an instance's routes an "editor" is an instance administrator (an editor of report 1).
  const { workspaces } = deps;
  const editorCheck: RequestHandler =
    scope === "instance" && workspaces ? requireInstanceAdmin(workspaces) : requireEditor;
  const mount = (name: ApiRouteName) => {
    const route = API_ROUTES[name];
    const chain: RequestHandler[] = [];
    if (route.access === "editor") chain.push(editorCheck);
    if (route.access === "outline") chain.push(requireOutlineEditor);
    if (WITH_BODY.has(route.method)) {
      chain.push("body" in route && route.body === "file" ? fileJson : json);
    }
    router[route.method](route.path, ...chain, handlers[name]);
  };
  for (const [name, route] of routes) if (route.access === "public") mount(name);
  if (scope !== "report") router.use(requireSession(deps.accounts));
  for (const [name, route] of routes) if (route.access !== "public") mount(name);
  return router;
}
