import { afterAll, describe, expect, it } from "vitest";
import { callApi } from "../support/callApi";
import { waitFor } from "../support/collabClient";
import { HandMadeSyncClient } from "../support/handMadeSyncClient";
import { login, loginAs } from "../support/serverProcess";
import { serverSuite } from "../support/serverSuite";

describe("user management by editors", () => {
  const suite = serverSuite({ roles: ["editor"] });
  const sockets: HandMadeSyncClient[] = [];
  afterAll(() => {
    for (const socket of sockets) socket.close();
  });

  const connect = async (cookie: string, section = "p3-innovation") => {
    const socket = new HandMadeSyncClient(
      `${suite.server.url.replace(/^http/, "ws")}/collab/${section}`,
      cookie,
    );
    sockets.push(socket);
    await socket.opened;
    await waitFor(() => socket.sawServerStep1, "the connection to open");
    return socket;
  };

  it("an editor creates a drafter, changes the role, resets the password and deactivates", async () => {
    const created = await suite.api("editor", "POST", "/users", {
      username: "Dina",
      password: "first-password",
      role: "drafter",
      displayName: "Dina Haddad",
    });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ username: "dina", role: "drafter", active: true });
    expect(JSON.stringify(created.body)).not.toMatch(/password|scrypt/);
    const id = created.body.user.id;

    const taken = await suite.api("editor", "POST", "/users", {
      username: "dina",
      password: "another-password",
      role: "reviewer",
    });
    expect([taken.status, taken.body.error.id]).toEqual([409, "username_taken"]);
    const short = await suite.api("editor", "POST", "/users", {
      username: "eve",
      password: "short",
      role: "boss",
    });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toMatch(/body.password: must have at least 10 characters/);
    expect(short.body.error.message).toMatch(/body.role: Invalid option/);

    // The role change applies to the open connection at once: the reviewer may no longer edit.
    const dina = await login(suite.server.url, "dina", "first-password");
    const socket = await connect(dina);
    const role = await suite.api("editor", "PATCH", `/users/${id}`, {
      role: "reviewer",
    });
    expect(role.body.user.role).toBe("reviewer");
    expect((await callApi(suite.server.url, dina, "GET", "/auth/me")).body).toMatchObject({
      user: { role: "reviewer" },
      readOnly: true,
      mayImportEvidence: false,
    });
    socket.sendUpdate(socket.paragraphUpdate("typed after the role change"));
    expect((await socket.closed).code).toBe(4403);
    await suite.api("editor", "PATCH", `/users/${id}`, { role: "drafter" });

    // A reset ends her sessions and open connections; only the new password works.
    const again = await connect(dina);
    const reset = await suite.api("editor", "POST", `/users/${id}/password`, {
      password: "second-password",
    });
    expect(reset.status).toBe(204);
    expect(await again.closed).toEqual({
      code: 4401,
      reason: "Your password was reset: sign in again",
    });
    expect((await callApi(suite.server.url, dina, "GET", "/auth/me")).status).toBe(401);
    await expect(login(suite.server.url, "dina", "first-password")).rejects.toThrow(/401/);
    const renewed = await login(suite.server.url, "dina", "second-password");

    // Deactivation closes her open WebSocket with 4401 and refuses her sign-in.
    const open = await connect(renewed);
    const off = await suite.api("editor", "PATCH", `/users/${id}`, { active: false });
    expect(off.body.user.active).toBe(false);
    expect(await open.closed).toEqual({ code: 4401, reason: "Your account was deactivated" });
    expect((await callApi(suite.server.url, renewed, "GET", "/report")).status).toBe(401);
    await expect(login(suite.server.url, "dina", "second-password")).rejects.toThrow(
      /401.*Wrong username or password/,
    );

    const audit = await suite.api("editor", "GET", "/audit?limit=1000");
    const about = audit.body.entries
      .filter((e: { target: string }) => e.target === "dina")
      .map((e: { action: string }) => e.action)
      .reverse();
    expect(about).toEqual([
      "user_created",
      "role_changed",
      "role_changed",
      "password_reset",
      "user_deactivated",
    ]);
    expect(
      audit.body.entries.find((e: { action: string }) => e.action === "role_changed").detail,
    ).toEqual({
      from: "reviewer",
      to: "drafter",
    });
  });

  it("a drafter gets 403 on user management; the last editor cannot leave", async () => {
    const drafter = await loginAs(suite.server.url, "drafter");
    const calls: [string, string, unknown][] = [
      ["GET", "/users", undefined],
      ["POST", "/users", { username: "x1", password: "x-password-1", role: "editor" }],
      ["PATCH", "/users/1", { role: "drafter" }],
      ["POST", "/users/1/password", { password: "taken-over-1" }],
      ["GET", "/audit", undefined],
    ];
    for (const [method, path, body] of calls) {
      const answer = await callApi(suite.server.url, drafter, method, path, body);
      expect(answer.status, `${method} ${path}`).toBe(403);
      expect(answer.body.error.id).toBe("editors_only");
    }
    const me = await suite.api("editor", "GET", "/auth/me");
    for (const change of [{ active: false }, { role: "drafter" }]) {
      const answer = await suite.api("editor", "PATCH", `/users/${me.body.user.id}`, change);
      expect([answer.status, answer.body.error.id]).toEqual([409, "last_editor"]);
    }
    expect((await suite.api("editor", "GET", "/auth/me")).body.user.role).toBe("editor");
    const nothing = await suite.api("editor", "PATCH", `/users/${me.body.user.id}`, {});
    expect(nothing.body.error.message).toMatch(/at least one of role, active, displayName/);
  });
});
