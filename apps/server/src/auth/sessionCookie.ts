import type { CookieOptions } from "express";

/** Name of the cookie that carries the session token. */
export const SESSION_COOKIE = "rapporteur_session";

// Tokens are 32 random bytes in base64url (AccountStore.createSession): anything else is ignored.
const TOKEN = /^[A-Za-z0-9_-]{20,128}$/;

/** The session token in a `Cookie` header, or undefined when there is none (or it is malformed). */
export function readSessionToken(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    return TOKEN.test(value) ? value : undefined;
  }
  return undefined;
}

/**
 * Attributes of the session cookie. httpOnly: scripts (an XSS) cannot read the token.
 * SameSite=Strict: no cross-site request carries it, not even a top-level link; the web app's
 * HTML shell is public and all data comes from same-origin fetches and WebSockets, which do carry
 * it, so Strict costs nothing. Secure when the deployment says it is served over HTTPS.
 */
export function sessionCookieOptions(ttlMs: number, secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: "strict", path: "/", maxAge: ttlMs, secure };
}
