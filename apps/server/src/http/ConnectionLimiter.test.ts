import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { connect, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ConnectionLimiter, connectionAuthenticated } from "./ConnectionLimiter";

const servers: Server[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A server whose `/auth` marks the connection authenticated; everything else waits forever. */
async function start(limiter: ConnectionLimiter): Promise<number> {
  const server = createServer((request, response) => {
    if (request.url === "/auth") {
      connectionAuthenticated(request.socket);
      response.end("ok");
    }
  });
  limiter.attach(server);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/** Opens a connection from `localAddress`; resolves with it and what the server sent or did. */
function open(port: number, localAddress = "127.0.0.1") {
  const socket = connect({ host: "127.0.0.1", port, localAddress });
  sockets.push(socket);
  socket.on("error", () => {});
  let received = "";
  socket.on("data", (chunk: Buffer) => {
    received += chunk.toString();
  });
  const closed = new Promise<string>((resolve) => socket.once("close", () => resolve(received)));
  const connected = new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  return { socket, closed, connected, received: () => received };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("ConnectionLimiter", () => {
  it("answers 503 beyond the total when every waiting connection is younger than the grace", async () => {
    const limiter = new ConnectionLimiter({ maxPerAddress: 10, maxTotal: 2, graceMs: 60_000 });
    const port = await start(limiter);
    const first = open(port);
    const second = open(port);
    await Promise.all([first.connected, second.connected]);
    const third = open(port);
    expect(await third.closed).toMatch(/^HTTP\/1\.1 503 .*too_many_connections/s);
    expect(limiter.stats()).toMatchObject({ unauthenticated: 2, refused: 1 });
  });

  it("cuts the oldest connection of the busiest address to let a newcomer in", async () => {
    const limiter = new ConnectionLimiter({ maxPerAddress: 10, maxTotal: 2, graceMs: 50 });
    const port = await start(limiter);
    const slow = [open(port, "127.0.0.2"), open(port, "127.0.0.2")];
    await Promise.all(slow.map((c) => c.connected));
    await sleep(100);
    const newcomer = open(port, "127.0.0.1");
    await newcomer.connected;
    await slow[0]?.closed;
    newcomer.socket.write("GET /auth HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    await sleep(100);
    expect(newcomer.received()).toMatch(/^HTTP\/1\.1 200/);
    expect(limiter.stats()).toMatchObject({ cut: 1, refused: 0 });
  });

  it("keeps one address to its limit after the grace, and does not count authenticated ones", async () => {
    const limiter = new ConnectionLimiter({ maxPerAddress: 2, maxTotal: 100, graceMs: 50 });
    const port = await start(limiter);
    const signedIn = Array.from({ length: 5 }, () => open(port));
    await Promise.all(signedIn.map((c) => c.connected));
    for (const c of signedIn) c.socket.write("GET /auth HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    await sleep(100);
    const strangers = Array.from({ length: 5 }, () => open(port));
    await Promise.all(strangers.map((c) => c.connected));
    // The burst is let in; the periodic trim (every second) then cuts the oldest beyond 2.
    await sleep(1_300);
    expect(strangers.filter((c) => c.socket.destroyed || c.socket.readableEnded)).toHaveLength(3);
    expect(signedIn.every((c) => !c.socket.destroyed)).toBe(true);
    expect(limiter.stats()).toMatchObject({ unauthenticated: 2, cut: 3 });
  });
});
