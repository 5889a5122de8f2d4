import type { AccountStore } from "@rapporteur/accounts";
import { mayEditOutline } from "@rapporteur/accounts/roles";
import type { RequestHandler } from "express";
import { readSessionToken } from "../auth/sessionCookie";
import type { ReportWorkspaces } from "../workspace/ReportWorkspaces";
import { connectionAuthenticated } from "./ConnectionLimiter";
import { forbidden, unauthorized } from "./errors";
import { requestAuth, setRequestAuth } from "./requestAuth";

/**
 * Lets through requests with a valid, unexpired session of an active user (their connection then
 * counts as authenticated, see {@link connectionAuthenticated}); 401 otherwise.
 */
export function requireSession(accounts: AccountStore): RequestHandler {
  return (request, _response, next) => {
    const token = readSessionToken(request.headers.cookie);
    const user = token ? accounts.userForSession(token) : undefined;
    if (!token || !user) {
      next(unauthorized("unauthenticated", "Sign in first: no valid session"));
      return;
    }
    setRequestAuth(request, { user, token });
    connectionAuthenticated(request.socket);
    next();
  };
}

/** Lets through editors only; 403 for the other roles. */
export const requireEditor: RequestHandler = (request, _response, next) => {
  const { user } = requestAuth(request);
  if (user.role !== "editor") {
    next(forbidden("editors_only", `Only editors can do this; you are a ${user.role}`));
    return;
  }
  next();
};

/** Lets through those who may change the outline's structure; 403 `editors_only` for the others. */
export const requireOutlineEditor: RequestHandler = (request, _response, next) => {
  const { user } = requestAuth(request);
  if (!mayEditOutline(user.role)) {
    next(forbidden("editors_only", `Only editors can change the outline; you are a ${user.role}`));
    return;
  }
  next();
};

/** Lets through instance administrators only (editors of report 1); 403 `editors_only` otherwise. */
export function requireInstanceAdmin(workspaces: ReportWorkspaces): RequestHandler {
  return (request, _response, next) => {
    const { user } = requestAuth(request);
    if (!workspaces.isInstanceAdmin(user)) {
      next(forbidden("editors_only", "Only instance administrators (editors) can do this"));
      return;
    }
    next();
  };
}
