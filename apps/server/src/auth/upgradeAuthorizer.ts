import type { IncomingMessage } from "node:http";
import type { AccountStore } from "@rapporteur/accounts";
import type { UpgradeRefusal } from "../collab/CollabServer";
import { connectionAuthenticated } from "../http/ConnectionLimiter";
import { HostPolicy } from "./HostPolicy";
import { readSessionToken } from "./sessionCookie";

/** The host a request was sent to: `Host`, or the first `X-Forwarded-Host` behind a trusted proxy. */
export function requestHost(request: IncomingMessage, trustProxy: number): string | undefined {
  const forwarded = request.headers["x-forwarded-host"];
  if (trustProxy > 0 && typeof forwarded === "string" && forwarded !== "") {
    return forwarded.split(",")[0]?.trim();
  }
  return request.headers.host;
}

/**
 * The check of a WebSocket upgrade before its handshake: a browser page from another site may
 * not open a connection with the user's cookie (cross-site WebSocket hijacking: browsers always
 * send `Origin` on WebSockets, so it is checked when present), and without a valid session the
 * answer is a plain 401 so that nothing of the report, not even whether a section exists, leaks.
 * The host must be one this server answers as (DNS rebinding, see {@link HostPolicy}). An
 * authorized upgrade marks its connection authenticated (no longer bounded per address).
 */
export function upgradeAuthorizer(
  accounts: AccountStore,
  trustProxy: number,
  hosts: HostPolicy = new HostPolicy(),
): (request: IncomingMessage) => UpgradeRefusal | undefined {
  return (request) => {
    const host = requestHost(request, trustProxy);
    if (!hosts.allowsHost(host)) {
      return { status: 403, id: "host_rejected", message: hosts.hostRefusal(host) };
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !hosts.allowsOrigin(origin, host)) {
      return {
        status: 403,
        id: "origin_rejected",
        message: "Cross-site WebSocket connections are refused: open the app from its own address",
      };
    }
    const token = readSessionToken(request.headers.cookie);
    if (!token || !accounts.userForSession(token)) {
      return { status: 401, id: "unauthenticated", message: "Sign in first: no valid session" };
    }
    connectionAuthenticated(request.socket);
    return undefined;
  };
}
