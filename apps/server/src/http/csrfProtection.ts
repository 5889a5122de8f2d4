import type { RequestHandler } from "express";
import { claimedOrigin, isSameOrigin } from "../auth/isSameOrigin";
import { forbidden } from "./errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF protection of every state-changing request (POST, PUT, PATCH, DELETE), in two layers on top
 * of the SameSite=Strict cookie: the body must be declared JSON, which an HTML form cannot send
 * and a cross-site script cannot send without a CORS preflight that this server never grants;
 * and the `Origin` (or `Referer`) must be this host, which browsers set and pages cannot forge.
 * Non-browser clients send `Origin` themselves. Refusals are 403 `csrf_rejected`.
 */
export const csrfProtection: RequestHandler = (request, _response, next) => {
  if (SAFE_METHODS.has(request.method)) return next();
  const type = request.headers["content-type"] ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return next(
      forbidden(
        "csrf_rejected",
        "State-changing requests must send a JSON body (Content-Type: application/json)",
      ),
    );
  }
  if (!isSameOrigin(claimedOrigin(request.headers), request.host)) {
    return next(
      forbidden(
        "csrf_rejected",
        "The request's Origin is missing or is not this site: cross-site requests are refused",
      ),
    );
  }
  next();
};
