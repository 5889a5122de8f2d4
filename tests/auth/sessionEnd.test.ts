// A session that expires or is signed out ends its open sockets and event streams at once:
// nothing written on them afterwards is stored.
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { callApi } from "../support/callApi";
import { waitFor } from "../support/collabClient";
import { databaseFile, storedDocument } from "../support/databaseSnapshot";
import { HandMadeSyncClient } from "../support/handMadeSyncClient";
import { loginAs, type ServerProcess, startServerProcess } from "../support/serverProcess";

/** Opens `GET /api/events`; resolves `ended` with the time the server ends the stream. */
async function openEventStream(url: string, cookie: string) {
  const response = await fetch(`${url}/api/events`, { headers: { cookie, origin: url } });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const ended = (async () => {
    for (;;) {
      const { done } = await reader.read();
      if (done) return Date.now();
    }
  })();
  return { ended, cancel: () => reader.cancel().catch(() => {}) };
}

async function openSocket(server: ServerProcess, section: string, cookie: string) {
  const socket = new HandMadeSyncClient(
    `${server.url.replace(/^http/, "ws")}/collab/${section}`,
    cookie,
  );
  await socket.opened;
  await waitFor(() => socket.sawServerStep1, "the connection to open");
  const closed = socket.closed.then((info) => ({ ...info, at: Date.now() }));
  return { socket, closed };
}

describe("ending sessions ends what they opened", () => {
  let server: ServerProcess | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it("closes a socket (4401) and an event stream within a second of the session's expiry; later edits are not stored", async () => {
    // 0.002 hours: sessions last 7.2 s, time enough to sign in and connect on a busy machine.
    server = await startServerProcess({ env: { RAPPORTEUR_SESSION_TTL_HOURS: "0.002" } });
    const cookie = await loginAs(server.url, "drafter");
    const db = new Database(databaseFile(server.dataDir), { readonly: true });
    const { expiresAt } = db
      .prepare(
        "SELECT MAX(expires_at) AS expiresAt FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = 'drafter')",
      )
      .get() as { expiresAt: number };
    db.close();
    const section = "p1-context";
    const { socket, closed } = await openSocket(server, section, cookie);
    const stream = await openEventStream(server.url, cookie);

    // Keep writing, every 100 ms, through the expiry.
    const sent: { text: string; at: number }[] = [];
    let open = true;
    closed.then(() => {
      open = false;
    });
    while (open && Date.now() < expiresAt + 5_000) {
      const text = `edit at ${Date.now()}`;
      socket.sendUpdate(socket.paragraphUpdate(text));
      sent.push({ text, at: Date.now() });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(open).toBe(false);
    const close = await closed;
    expect(close.code).toBe(4401);
    expect(close.reason).toBe("Your session has expired: sign in again");
    expect(close.at - expiresAt).toBeLessThan(1_000);
    const streamEnded = await Promise.race([
      stream.ended,
      new Promise<number>((resolve) => setTimeout(() => resolve(Number.NaN), 5_000)),
    ]);
    stream.cancel();
    expect(streamEnded - expiresAt).toBeLessThan(1_000);
    console.log(
      `Session expiry: socket closed ${close.at - expiresAt} ms and event stream ended ` +
        `${streamEnded - expiresAt} ms after the expiry time`,
    );

    const stored = storedDocument(server.dataDir, section).getXmlFragment("default").toString();
    const storedEdits = sent.filter((edit) => stored.includes(edit.text));
    expect(storedEdits.length).toBeGreaterThan(10);
    // Nothing sent after the socket was closed, within a second of the expiry, is stored.
    for (const edit of storedEdits) expect(edit.at).toBeLessThanOrEqual(close.at);
    expect((await callApi(server.url, cookie, "GET", "/auth/me")).status).toBe(401);
  });

  it("logout closes that session's sockets and event stream at once, not another session's", async () => {
    server = await startServerProcess();
    const first = await loginAs(server.url, "reviewer");
    const second = await loginAs(server.url, "reviewer");
    const a = await openSocket(server, "p1-access", first);
    const b = await openSocket(server, "p1-context", first);
    const other = await openSocket(server, "p1-access", second);
    const stream = await openEventStream(server.url, first);
    const otherStream = await openEventStream(server.url, second);
    const loggedOut = Date.now();
    expect((await callApi(server.url, first, "POST", "/auth/logout")).status).toBe(204);
    for (const { closed } of [a, b]) {
      const close = await closed;
      expect(close).toMatchObject({ code: 4401, reason: "Signed out" });
      expect(close.at - loggedOut).toBeLessThan(1_000);
    }
    expect((await stream.ended) - loggedOut).toBeLessThan(1_000);
    // The other session is untouched.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(other.socket.ws.readyState).toBe(other.socket.ws.OPEN);
    const lost = await Promise.race([
      otherStream.ended.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 100)),
    ]);
    expect(lost).toBe(false);
    otherStream.cancel();
    other.socket.close();
  });
});
