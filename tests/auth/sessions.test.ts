import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { API_ROUTES } from "../../apps/server/src/http/apiRouteTable";
import { callApi } from "../support/callApi";
import { waitFor } from "../support/collabClient";
import { HandMadeSyncClient } from "../support/handMadeSyncClient";
import { login, loginAs, TEST_ACCOUNTS } from "../support/serverProcess";
import { serverSuite } from "../support/serverSuite";

/** How the server answers a WebSocket upgrade: an HTTP refusal, or the close of an open socket. */
function upgrade(
  url: string,
  headers: Record<string, string>,
): Promise<{ status?: number; body?: string; close?: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on("unexpected-response", (_request, response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => {
        body += chunk.toString();
      });
      response.on("end", () => resolve({ status: response.statusCode, body }));
    });
    ws.on("open", () => ws.close());
    ws.on("close", (code) => resolve({ close: code }));
    ws.on("error", () => {});
  });
}

describe("sessions, sign-in limits and CSRF", () => {
  const suite = serverSuite({ roles: ["editor"] });

  it("without a session: the upgrade gets HTTP 401 and every /api route but login and health 401", async () => {
    const ws = `${suite.server.url.replace(/^http/, "ws")}/collab/p1-access`;
    const attempts: Record<string, string>[] = [
      {},
      { cookie: "rapporteur_session=forged-token-forged-token-x" },
    ];
    for (const headers of attempts) {
      const refused = await upgrade(ws, headers);
      expect(refused.status).toBe(401);
      expect(JSON.parse(refused.body!)).toEqual({
        error: { id: "unauthenticated", message: expect.stringMatching(/Sign in/) },
      });
    }
    // Not even whether a section exists leaks.
    expect(
      (await upgrade(`${suite.server.url.replace(/^http/, "ws")}/collab/nope`, {})).status,
    ).toBe(401);

    const routes = Object.entries(API_ROUTES);
    expect(routes.filter(([, r]) => r.access === "public").map(([name]) => name)).toEqual([
      "health",
      "login",
    ]);
    for (const [name, route] of routes) {
      if (route.access === "public") continue;
      const path = route.path.replace(":id", route.path.startsWith("/users") ? "1" : "p1-access");
      const method = route.method.toUpperCase();
      const answer = await suite.api(null, method, path, method === "GET" ? undefined : {});
      expect(answer.status, `${name}: ${route.method} ${path}`).toBe(401);
      expect(answer.body.error.id).toBe("unauthenticated");
      expect(JSON.stringify(answer.body)).not.toMatch(/Geneva|WSIS|admin/);
    }
    expect((await suite.api(null, "GET", "/no-such-route")).status).toBe(401);
    expect((await suite.api(null, "GET", "/health")).status).toBe(200);
  });

  it("refuses a cross-site WebSocket even with a valid cookie (403)", async () => {
    const ws = `${suite.server.url.replace(/^http/, "ws")}/collab/p1-access`;
    const foreign = await upgrade(ws, {
      cookie: suite.cookies.editor,
      origin: "https://evil.example",
    });
    expect(foreign.status).toBe(403);
    expect(await upgrade(ws, { cookie: suite.cookies.editor, origin: suite.server.url })).toEqual({
      close: 1005,
    });
  });

  it("sets an httpOnly SameSite=Strict cookie; logout and expiry end the session", async () => {
    const origin = suite.server.url;
    const response = await fetch(`${origin}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", origin },
      body: JSON.stringify(TEST_ACCOUNTS.drafter),
    });
    expect(await response.json()).toEqual({
      user: {
        id: expect.any(Number),
        username: "drafter",
        displayName: "Demo Drafter",
        role: "drafter",
      },
      readOnly: false,
      mayImportEvidence: true,
    });
    const setCookie = response.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^rapporteur_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/Max-Age=43200/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).not.toMatch(/Secure/);

    const first = await loginAs(suite.server.url, "drafter");
    const second = await loginAs(suite.server.url, "drafter");
    const socket = new HandMadeSyncClient(
      `${suite.server.url.replace(/^http/, "ws")}/collab/p1-access`,
      first,
    );
    await socket.opened;
    await waitFor(() => socket.sawServerStep1, "the connection to open");
    const out = await callApi(suite.server.url, first, "POST", "/auth/logout");
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/rapporteur_session=;.*Expires=Thu, 01 Jan 1970/);
    expect((await callApi(suite.server.url, first, "GET", "/auth/me")).status).toBe(401);
    expect(await socket.closed).toEqual({ code: 4401, reason: "Signed out" });
    expect((await callApi(suite.server.url, second, "GET", "/auth/me")).body.user.username).toBe(
      "drafter",
    );

    // Expire the drafter's sessions in the database, as time would.
    const db = new Database(join(suite.server.dataDir, "rapporteur.db"));
    db.pragma("busy_timeout = 5000");
    db.prepare(
      "UPDATE sessions SET expires_at = 1 WHERE user_id = (SELECT id FROM users WHERE username = 'drafter')",
    ).run();
    db.close();
    expect((await callApi(suite.server.url, second, "GET", "/auth/me")).status).toBe(401);
    const ws = `${suite.server.url.replace(/^http/, "ws")}/collab/p1-access`;
    expect((await upgrade(ws, { cookie: second })).status).toBe(401);
  });

  it("CSRF: a foreign Origin or a form-encoded POST gets 403 and changes nothing", async () => {
    const attempt = (headers: Record<string, string>, body: string) =>
      fetch(`${suite.server.url}/api/users`, {
        method: "POST",
        headers: { cookie: suite.cookies.editor, ...headers },
        body,
      });
    const json = JSON.stringify({
      username: "mallory",
      password: "mallory-password",
      role: "editor",
    });
    const refusals = [
      await attempt({ "content-type": "application/json", origin: "https://evil.example" }, json),
      await attempt({ "content-type": "application/json", origin: "null" }, json),
      await attempt({ "content-type": "application/json" }, json),
      await attempt(
        { "content-type": "application/json", referer: "https://evil.example/page" },
        json,
      ),
      await attempt(
        { "content-type": "application/x-www-form-urlencoded", origin: suite.server.url },
        "username=mallory&password=mallory-password&role=editor",
      ),
      await attempt({ "content-type": "text/plain", origin: suite.server.url }, json),
    ];
    for (const refusal of refusals) {
      expect(refusal.status).toBe(403);
      expect((await refusal.json()).error.id).toBe("csrf_rejected");
    }
    const status = await fetch(`${suite.server.url}/api/sections/p1-access/status`, {
      method: "POST",
      headers: {
        cookie: suite.cookies.editor,
        "content-type": "application/json",
        origin: "https://evil.example",
      },
      body: JSON.stringify({ action: "approve" }),
    });
    expect(status.status).toBe(403);
    const users = await suite.api("editor", "GET", "/users");
    expect(users.body.users.map((u: { username: string }) => u.username)).not.toContain("mallory");
    const section = await suite.api("editor", "GET", "/sections/p1-access");
    expect(section.body.status).toBe("drafting");
    // The same request from the site itself (Referer only, as with Referrer-Policy) is accepted.
    const own = await attempt(
      { "content-type": "application/json", referer: `${suite.server.url}/users` },
      json,
    );
    expect(own.status).toBe(201);
  });

  it("twenty wrong passwords in a row get 429 once the limit trips; the audit log holds them, refusals by burst", async () => {
    const unknown = await suite.api(null, "POST", "/auth/login", {
      username: "nobody-here",
      password: "whatever-password",
    });
    const statuses: number[] = [];
    let first401: unknown;
    let retryAfter: string | null = null;
    for (let i = 0; i < 20; i++) {
      const answer = await suite.api(null, "POST", "/auth/login", {
        username: "reviewer",
        password: `wrong-password-${i}`,
      });
      statuses.push(answer.status);
      first401 ??= answer.body;
      if (answer.status === 429) retryAfter = answer.headers.get("retry-after");
    }
    // One generic message: it never says whether the username exists.
    expect(first401).toEqual(unknown.body);
    expect(unknown.body).toEqual({
      error: { id: "invalid_credentials", message: "Wrong username or password" },
    });
    const tripped = statuses.indexOf(429);
    expect(tripped).toBeGreaterThan(0);
    expect(statuses.slice(0, tripped).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(tripped).every((s) => s === 429)).toBe(true);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Even the right password waits now.
    await expect(loginAs(suite.server.url, "reviewer")).rejects.toThrow(/429.*too_many_attempts/);

    const failed = await suite.api("editor", "GET", "/audit?action=login_failed&limit=1000");
    const throttled = await suite.api("editor", "GET", "/audit?action=login_throttled&limit=1000");
    const forReviewer = (entries: { detail: { username: string } }[]) =>
      entries.filter((e) => e.detail.username === "reviewer");
    expect(forReviewer(failed.body.entries)).toHaveLength(tripped);
    // The refusals (those of the loop and the right password's) are one burst: one row so far.
    expect(forReviewer(throttled.body.entries)).toHaveLength(1);
    expect(failed.body.entries[0]).toMatchObject({
      actor: null,
      ip: expect.stringMatching(/127\.0\.0\.1/),
    });
    expect(
      failed.body.entries.some(
        (e: { detail: { username: string } }) => e.detail.username === "nobody-here",
      ),
    ).toBe(true);
    // Other accounts are not locked out by it.
    await login(suite.server.url, TEST_ACCOUNTS.drafter.username, TEST_ACCOUNTS.drafter.password);
  });
});
