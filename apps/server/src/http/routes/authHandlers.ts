import { MAX_PASSWORD_LENGTH } from "@rapporteur/accounts";
import { mayImportEvidence } from "@rapporteur/accounts/roles";
import type { ApiAnswers } from "@rapporteur/api";
import type { RequestHandler } from "express";
import { z } from "zod";
import { SESSION_COOKIE, sessionCookieOptions } from "../../auth/sessionCookie";
import type { ApiDependencies } from "../ApiDependencies";
import type { ApiRouteName } from "../apiRouteTable";
import { connectionAuthenticated } from "../ConnectionLimiter";
import { tooManyRequests, unauthorized } from "../errors";
import { parseInput } from "../parseInput";
import { requestAuth } from "../requestAuth";
import { userView } from "../userView";

const loginBody = z
  .object({
    username: z.string().min(1).max(100),
    password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  })
  .strict();

/** Handlers of `POST /api/auth/login`, `POST /api/auth/logout` and `GET /api/auth/me`. */
export function authHandlers(
  deps: ApiDependencies,
): Pick<Record<ApiRouteName, RequestHandler>, "login" | "logout" | "me"> {
  const { accounts, audit, loginGuard, accountEvents, events } = deps;
  return {
    async login(request, response) {
      const body = parseInput(loginBody, request.body, "body");
      const username = body.username.trim().toLowerCase();
      const ip = request.ip ?? null;
      // Counted before the password is hashed: concurrent guesses see each other's attempts.
      const decision = loginGuard.begin(username, ip);
      if (!decision.allowed) {
        const seconds = Math.ceil(decision.retryAfterMs / 1000);
        response.setHeader("Retry-After", String(seconds));
        throw tooManyRequests(
          "too_many_attempts",
          seconds < 60
            ? `Too many failed sign-ins: try again in ${seconds} second(s)`
            : `Too many failed sign-ins: try again in ${Math.ceil(seconds / 60)} minute(s)`,
        );
      }
      const user = await accounts.verify(username, body.password);
      if (!user) {
        decision.attempt.failed();
        audit.record({ actor: null, action: "login_failed", detail: { username }, ip });
        // One message whatever went wrong: it never tells whether the username exists.
        throw unauthorized("invalid_credentials", "Wrong username or password");
      }
      decision.attempt.succeeded();
      connectionAuthenticated(request.socket);
      accounts.purgeExpired();
      const token = accounts.createSession(user.id, deps.sessionTtlMs);
      response.cookie(
        SESSION_COOKIE,
        token,
        sessionCookieOptions(deps.sessionTtlMs, deps.secureCookies),
      );
      audit.record({ actor: user.username, action: "login", ip });
      response.json({
        user: userView(user),
        readOnly: user.role === "reviewer",
        mayImportEvidence: mayImportEvidence(user.role),
      } satisfies ApiAnswers["login"]);
    },

    logout(request, response) {
      const { user, token } = requestAuth(request);
      accounts.endSession(token);
      audit.record({ actor: user.username, action: "logout", ip: request.ip ?? null });
      accountEvents.emit({ type: "session_ended", token, reason: "Signed out" });
      events.closeWhere((owner) => owner.token === token);
      const { maxAge: _maxAge, ...cleared } = sessionCookieOptions(0, deps.secureCookies);
      response.clearCookie(SESSION_COOKIE, cleared);
      response.status(204).end();
    },

    me(request, response) {
      const { user } = requestAuth(request);
      response.json({
        user: userView(user),
        readOnly: user.role === "reviewer",
        mayImportEvidence: mayImportEvidence(user.role),
        ...(deps.workspaces ? { instanceAdmin: deps.workspaces.isInstanceAdmin(user) } : {}),
      } satisfies ApiAnswers["me"]);
    },
  };
}
