import {
  AccountError,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  ROLES,
  type User,
} from "@rapporteur/accounts";
import { mayImportEvidence } from "@rapporteur/accounts/roles";
import type { ApiAnswers } from "@rapporteur/api";
import type { Request, RequestHandler } from "express";
import { z } from "zod";
import { SESSION_COOKIE, sessionCookieOptions } from "../../auth/sessionCookie";
import type { ApiDependencies } from "../ApiDependencies";
import type { ApiRouteName } from "../apiRouteTable";
import { badRequest, conflict, HttpError, notFound } from "../errors";
import { parseInput } from "../parseInput";
import { requestAuth } from "../requestAuth";
import { adminUserView, userView } from "../userView";

const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must have at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH);
const displayName = z.string().trim().max(100);
const createBody = z
  .object({
    username: z.string().min(1).max(100),
    password,
    role: z.enum(ROLES),
    displayName: displayName.optional(),
  })
  .strict();
const updateBody = z
  .object({
    role: z.enum(ROLES).optional(),
    active: z.boolean().optional(),
    displayName: displayName.optional(),
  })
  .strict()
  .refine((b) => b.role !== undefined || b.active !== undefined || b.displayName !== undefined, {
    message: "give at least one of role, active, displayName",
  });
const passwordBody = z.object({ password }).strict();
const USER_ID = /^[1-9][0-9]{0,9}$/;

function accountHttpError(error: unknown): unknown {
  if (!(error instanceof AccountError)) return error;
  const status = error.id === "username_taken" ? 409 : error.id === "user_not_found" ? 404 : 400;
  return new HttpError(status, error.id, error.message);
}

/** Handlers of the editors' user management: `/api/users...`. */
export function userHandlers(
  deps: ApiDependencies,
): Pick<
  Record<ApiRouteName, RequestHandler>,
  "listUsers" | "createUser" | "updateUser" | "resetPassword"
> {
  const { accounts, audit, accountEvents, events } = deps;

  const target = (request: Request): User => {
    const raw = request.params.id;
    if (typeof raw !== "string" || !USER_ID.test(raw)) {
      throw badRequest("invalid_parameter", "parameter.id: a user id is a positive integer");
    }
    const user = accounts.get(Number(raw));
    if (!user) throw notFound("user_not_found", `No user with id ${raw}`);
    return user;
  };

  const changed = (user: User) => {
    accountEvents.emit({ type: "user_changed", user });
    if (!user.active) events.closeWhere((owner) => owner.userId === user.id);
    else {
      events.sendWhere((owner) => owner.userId === user.id, "me", {
        user: userView(user),
        readOnly: user.role === "reviewer",
        mayImportEvidence: mayImportEvidence(user.role),
      });
    }
  };

  return {
    listUsers(_request, response) {
      response.json({
        users: accounts.list().map(adminUserView),
      } satisfies ApiAnswers["listUsers"]);
    },

    async createUser(request, response) {
      const { user: actor } = requestAuth(request);
      const body = parseInput(createBody, request.body, "body");
      let user: User;
      try {
        user = await accounts.create(body);
      } catch (error) {
        throw accountHttpError(error);
      }
      audit.record({
        actor: actor.username,
        action: "user_created",
        target: user.username,
        detail: { role: user.role },
        ip: request.ip ?? null,
      });
      response.status(201).json({ user: adminUserView(user) } satisfies ApiAnswers["createUser"]);
    },

    updateUser(request, response) {
      const { user: actor } = requestAuth(request);
      const user = target(request);
      const body = parseInput(updateBody, request.body, "body");
      const demoted = body.role !== undefined && body.role !== "editor";
      const deactivated = body.active === false;
      if (
        user.role === "editor" &&
        user.active &&
        (demoted || deactivated) &&
        accounts.countActiveEditors() <= 1
      ) {
        throw conflict(
          "last_editor",
          `${user.username} is the last active editor: make another user an editor first`,
        );
      }
      const ip = request.ip ?? null;
      const record = (action: Parameters<typeof audit.record>[0]["action"], detail = {}) =>
        audit.record({ actor: actor.username, action, target: user.username, detail, ip });
      let updated = user;
      if (body.displayName !== undefined && body.displayName !== user.displayName) {
        updated = accounts.setDisplayName(user.id, body.displayName);
        record("display_name_changed", { from: user.displayName, to: updated.displayName });
      }
      if (body.role !== undefined && body.role !== user.role) {
        updated = accounts.setRole(user.id, body.role);
        record("role_changed", { from: user.role, to: body.role });
      }
      if (body.active !== undefined && body.active !== user.active) {
        updated = accounts.setActive(user.id, body.active);
        record(body.active ? "user_activated" : "user_deactivated");
      }
      if (updated !== user) changed(updated);
      response.json({ user: adminUserView(updated) } satisfies ApiAnswers["updateUser"]);
    },

    async resetPassword(request, response) {
      const { user: actor } = requestAuth(request);
      const user = target(request);
      const body = parseInput(passwordBody, request.body, "body");
      try {
        await accounts.setPassword(user.id, body.password);
      } catch (error) {
        throw accountHttpError(error);
      }
      audit.record({
        actor: actor.username,
        action: "password_reset",
        target: user.username,
        ip: request.ip ?? null,
      });
      accountEvents.emit({
        type: "sessions_ended",
        userId: user.id,
        reason: "Your password was reset: sign in again",
      });
      events.closeWhere((owner) => owner.userId === user.id);
      // An editor who resets their own password has just ended their own session too.
      if (user.id === actor.id) {
        const { maxAge: _maxAge, ...cleared } = sessionCookieOptions(0, deps.secureCookies);
        response.clearCookie(SESSION_COOKIE, cleared);
      }
      response.status(204).end();
    },
  };
}
