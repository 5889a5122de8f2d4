import type { User } from "@rapporteur/accounts";
import type { Request } from "express";
import { unauthorized } from "./errors";

/** The signed-in user of a request and the session token it came with. */
export interface RequestAuth {
  user: User;
  token: string;
}

const auths = new WeakMap<Request, RequestAuth>();

/** Records who sent `request` (done by the session middleware). */
export function setRequestAuth(request: Request, auth: RequestAuth): void {
  auths.set(request, auth);
}

/** Who sent `request`; a route behind the session middleware always has one. */
export function requestAuth(request: Request): RequestAuth {
  const auth = auths.get(request);
  if (!auth) throw unauthorized("unauthenticated", "Sign in first: no valid session");
  return auth;
}
