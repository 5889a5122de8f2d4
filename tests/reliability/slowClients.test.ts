// Slow and idle strangers against the HTTP server: thousands of connections that trickle a login
// body a byte a second (slow loris) from a few loopback addresses (127.0.0.2-4, so that the
// legitimate client on 127.0.0.1 is another address), a request whose body never ends, and
// hundreds of signed-in WebSocket connections from one address, which must not be capped by it.
// The server's open-file limit is lowered to 1,024 (prlimit, where available), as on many hosts:
// without the caps, the slow connections take every file handle and health and login fail.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { callApi } from "../support/callApi";
import { login, loginAs, type ServerProcess, startServerProcess } from "../support/serverProcess";

const figures: string[] = [];
const PER_ADDRESS = 128;
const TOTAL = 512;
afterAll(() => console.log(`RELIABILITY: slowClients ${figures.join(" ")}`));

/** Open file handles of a process (Linux). */
function openFiles(pid: number): number {
  return readdirSync(`/proc/${pid}/fd`).length;
}

/** A login request whose headers are complete and whose body is announced but not sent. */
function loginHead(url: string, bodyBytes: number): string {
  const { host, origin } = new URL(url);
  return (
    `POST /api/auth/login HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${origin}\r\n` +
    `Content-Type: application/json\r\nContent-Length: ${bodyBytes}\r\n\r\n`
  );
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: Math.round(performance.now() - start) };
}

describe("slow clients", () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess({
      env: {
        RAPPORTEUR_MAX_UNAUTHENTICATED_PER_ADDRESS: String(PER_ADDRESS),
        RAPPORTEUR_MAX_UNAUTHENTICATED: String(TOTAL),
      },
    });
    const lowered = spawnSync("prlimit", [`--pid=${server.child.pid}`, "--nofile=1024:1024"]);
    figures.push(`serverFdLimit=${lowered.status === 0 ? 1024 : "unchanged"}`);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("3,000 slow-loris connections: bounded on the server; health and a login still answer quickly", async () => {
    const { port } = server;
    const baseline = openFiles(server.child.pid!);
    const quiet = await timed(() =>
      fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(10_000) }),
    );
    const sockets: Socket[] = [];
    let refused503 = 0;
    const settled: Promise<void>[] = [];
    for (let i = 0; i < 3000; i++) {
      const socket = connect({ host: "127.0.0.1", port, localAddress: `127.0.0.${2 + (i % 3)}` });
      sockets.push(socket);
      socket.on("error", () => {});
      socket.on("data", (chunk: Buffer) => {
        if (chunk.toString().startsWith("HTTP/1.1 503")) refused503++;
      });
      settled.push(
        new Promise<void>((resolve) => {
          socket.once("connect", () => {
            socket.write(loginHead(server.url, 1000));
            resolve();
          });
          socket.once("close", () => resolve());
        }),
      );
    }
    await Promise.all(settled);
    // A byte a second on every connection still open.
    const trickle = setInterval(() => {
      for (const socket of sockets) if (!socket.destroyed) socket.write("{");
    }, 1000);
    try {
      await new Promise((resolve) => setTimeout(resolve, 2500));
      const stillOpen = () => sockets.filter((s) => !s.destroyed && !s.readableEnded).length;
      const health = await timed(() =>
        fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(10_000) }),
      );
      expect(health.value.status).toBe(200);
      const signIn = await timed(() => loginAs(server.url, "drafter"));
      expect(signIn.value).toMatch(/^rapporteur_session=/);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const serverFiles = openFiles(server.child.pid!) - baseline;
      const health2 = await timed(() =>
        fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(10_000) }),
      );
      expect(health2.value.status).toBe(200);
      figures.push(
        `quietHealthMs=${quiet.ms} slowLoris=3000 attackerSeesOpen=${stillOpen()} refused503=${refused503} serverExtraFds=${serverFiles} ` +
          `healthMs=${health.ms},${health2.ms} loginMs=${signIn.ms}`,
      );
      // The server holds at most its per-address limits' worth (3 x 128), not 3,000.
      expect(serverFiles).toBeLessThan(3 * PER_ADDRESS + 100);
      // Generous bounds: tens of milliseconds on a quiet machine, seconds on a 2-core one shared
      // with other work, while the server still drains the attack's queue of connections.
      expect(health.ms).toBeLessThan(10_000);
      expect(health2.ms).toBeLessThan(10_000);
      expect(signIn.ms).toBeLessThan(15_000);
    } finally {
      clearInterval(trickle);
      for (const socket of sockets) socket.destroy();
    }
  }, 90_000);

  it("300 signed-in WebSocket connections from one address (10 accounts) all open and stay open, beyond its limit of 128 strangers", async () => {
    const editor = await loginAs(server.url, "editor");
    const cookies: string[] = [];
    for (let i = 0; i < 10; i++) {
      const username = `nat-user-${i}`;
      const created = await callApi(server.url, editor, "POST", "/users", {
        username,
        password: "nat-user-password",
        role: "drafter",
      });
      expect(created.status).toBe(201);
      cookies.push(await login(server.url, username, "nat-user-password"));
    }
    const wsUrl = `${server.url.replace(/^http/, "ws")}/collab/p1-access`;
    const sockets = Array.from(
      { length: 300 },
      (_, i) => new WebSocket(wsUrl, { headers: { cookie: cookies[i % 10]! } }),
    );
    try {
      const opened = await Promise.all(
        sockets.map(
          (ws) =>
            new Promise<boolean>((resolve) => {
              ws.once("open", () => resolve(true));
              ws.once("unexpected-response", () => resolve(false));
              ws.once("error", () => resolve(false));
              ws.once("close", () => resolve(false));
            }),
        ),
      );
      expect(opened.filter(Boolean)).toHaveLength(300);
      // After the per-address trim has run (every second), they are all still open.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect(sockets.filter((ws) => ws.readyState === WebSocket.OPEN)).toHaveLength(300);
      figures.push("signedInWebSocketsFromOneAddress=300/300");
    } finally {
      for (const ws of sockets) ws.terminate();
    }
  }, 60_000);
});

describe("request deadline", () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess({ env: { RAPPORTEUR_REQUEST_TIMEOUT_MS: "2000" } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("cuts a request whose body trickles at the deadline (408)", async () => {
    const socket = connect({ host: "127.0.0.1", port: server.port });
    socket.on("error", () => {});
    let answer = "";
    socket.on("data", (chunk: Buffer) => {
      answer += chunk.toString();
    });
    const start = performance.now();
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    socket.write(loginHead(server.url, 200));
    const trickle = setInterval(() => socket.write(" "), 200);
    try {
      await new Promise<void>((resolve) => {
        socket.once("close", () => resolve());
        setTimeout(resolve, 10_000);
      });
    } finally {
      clearInterval(trickle);
      socket.destroy();
    }
    const ms = Math.round(performance.now() - start);
    figures.push(`tricklingBodyCutAfter=${ms}ms`);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeGreaterThanOrEqual(1_500);
    expect(ms).toBeLessThan(5_000);
    // The server still serves the others.
    expect(
      (await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(10_000) })).status,
    ).toBe(200);
    expect(await loginAs(server.url, "reviewer")).toMatch(/^rapporteur_session=/);
  }, 30_000);
});
