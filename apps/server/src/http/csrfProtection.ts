import type { RequestHandler } from "express";
import type { HostPolicy } from "../auth/HostPolicy";
import { claimedOrigin } from "../auth/isSameOrigin";
import { forbidden } from "./errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF protection of every state-changing request (POST, PUT, PATCH, DELETE), in three layers on
 * top of the SameSite=Strict cookie: the `Host` (or the forwarded host behind a trusted proxy)
 * must be one this server answers as (`host_rejected`: DNS rebinding, see {@link HostPolicy});
 * the body must be declared JSON, which an HTML form cannot send and a cross-site script cannot
 * send without a CORS preflight that this server never grants; and the `Origin` (or `Referer`)
 * must be this host, which browsers set and pages cannot forge. Non-browser clients send
 * `Origin` themselves. Refusals are 403 `host_rejected` or `csrf_rejected`.
 */
export function csrfProtection(hosts: HostPolicy): RequestHandler {
  return (request, _response, next) => {
    if (SAFE_METHODS.has(request.method)) return next();
    if (!hosts.allowsHost(request.host)) {
      return next(forbidden("host_rejected", hosts.hostRefusal(request.host)));
    }
    const type = request.headers["content-type"] ?? "";
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      return next(
        forbidden(
          "csrf_rejected",
          "State-changing requests must send a JSON body (Content-Type: application/json)",
        ),
      );
    }
    if (!hosts.allowsOrigin(claimedOrigin(request.headers), request.host)) {
      return next(
        forbidden(
          "csrf_rejected",
          "The request's Origin is missing or is not this site: cross-site requests are refused",
        ),
      );
    }
    next();
  };
}
