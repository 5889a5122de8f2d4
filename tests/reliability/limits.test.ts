// Each limit of the collaboration server, gone past by one client while others keep working.
import { connect as connectTcp, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type CollabClient, connectCollabClient, waitFor } from "../support/collabClient";
import { storedDocument, tableRows } from "../support/databaseSnapshot";
import { mib, settledRssBytes } from "../support/processMemory";
import {
  awarenessMessage,
  awarenessUpdate,
  FULL_STATE_PROBE,
  RawCollabSocket,
  syncMessage,
} from "../support/rawCollabSocket";
import { loginAs, type ServerProcess, startServerProcess } from "../support/serverProcess";

const CONTROL = "p3-innovation";
const LIMITS = {
  RAPPORTEUR_MAX_MESSAGES_PER_SECOND: "50",
  RAPPORTEUR_MESSAGE_BURST: "300",
  RAPPORTEUR_MAX_MESSAGE_BYTES: "65536",
  RAPPORTEUR_AUTH_TIMEOUT_MS: "1000",
  RAPPORTEUR_MAX_BUFFERED_BYTES: String(1024 * 1024),
};

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement("paragraph");
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

/** Two clients on `section`: an edit of the first reaches the second (the server still serves). */
async function stillServes(clients: [CollabClient, CollabClient], label: string): Promise<void> {
  const [a, b] = clients;
  a.fragment.push([paragraph(`still served after ${label}`)]);
  await waitFor(
    () => b.fragment.toString().includes(`still served after ${label}`),
    `the control clients to sync after ${label}`,
  );
}

describe("limits of one collaboration connection", () => {
  let server: ServerProcess;
  let cookie: string;
  const clients: CollabClient[] = [];
  let control: [CollabClient, CollabClient];
  const figures: string[] = [];
  beforeAll(async () => {
    server = await startServerProcess({ env: LIMITS });
    cookie = await loginAs(server.url, "drafter");
    control = [
      connectCollabClient(server.url, CONTROL, { cookie }),
      connectCollabClient(server.url, CONTROL, { cookie }),
    ];
    clients.push(...control);
    await Promise.all(control.map((c) => c.synced));
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
    console.log(`RELIABILITY: limits ${figures.join(" ")}`);
  });

  it("closes a connection that sends faster than the rate limit with 4429", async () => {
    const calm = await RawCollabSocket.open(server.url, "p1-access", cookie);
    for (let i = 0; i < 60; i++) calm.send(new Uint8Array([3]));
    expect(await calm.sendAndProbe()).toBeInstanceOf(Uint8Array);

    const flood = await RawCollabSocket.open(server.url, "p1-access", cookie);
    let sent = 0;
    while (!flood.closeInfo && sent < 5000) {
      flood.send(new Uint8Array([3]));
      sent++;
    }
    const closed = await flood.closed;
    expect(closed.code).toBe(4429);
    expect(closed.reason).toMatch(/^Rate limit: more than 50 messages per second/);
    expect(calm.closeInfo).toBeNull();
    figures.push("rateLimit=4429");
    calm.close();
    await stillServes(control, "the flood");
  });

  it("closes on a message above the size limit with 4413, and 1009 far above it", async () => {
    const big = await RawCollabSocket.open(server.url, "p1-access", cookie);
    big.send(syncMessage(2, new Uint8Array(70_000)));
    expect(await big.closed).toEqual({
      code: 4413,
      reason: expect.stringMatching(/exceeds the limit of 65536/),
    });
    const huge = await RawCollabSocket.open(server.url, "p1-access", cookie);
    huge.send(new Uint8Array(3 * 1024 * 1024));
    expect((await huge.closed).code).toBe(1009);
    await stillServes(control, "the oversized messages");
  });

  it("closes a socket that does not finish its request (cookie) within the auth deadline", async () => {
    const sockets: Socket[] = [];
    const closedAt = (socket: Socket) =>
      new Promise<string>((resolve) => {
        let answer = "";
        socket.on("data", (chunk) => {
          answer += chunk.toString();
        });
        socket.on("close", () => resolve(answer));
        socket.on("error", () => {});
      });
    // Half an upgrade request, then nothing: a slowloris holding a socket before authenticating.
    const half = connectTcp(server.port, "127.0.0.1");
    sockets.push(half);
    half.write(
      "GET /collab/p1-access HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n",
    );
    const silent = connectTcp(server.port, "127.0.0.1");
    sockets.push(silent);
    const [halfAnswer] = await Promise.all([closedAt(half), closedAt(silent)]);
    expect(halfAnswer).toMatch(/^HTTP\/1\.1 408|^$/);
    for (const socket of sockets) socket.destroy();
    await stillServes(control, "the half-open sockets");
  });

  it("drops a client that does not read (1013) and keeps the server's memory bounded", async () => {
    const section = "p1-sectors";
    // About 400 KB of text, sent in pieces under the message limit.
    const seeder = await RawCollabSocket.open(server.url, section, cookie);
    const doc = new Y.Doc();
    for (let i = 0; i < 8; i++) {
      const before = Y.encodeStateVector(doc);
      doc.getXmlFragment("default").push([paragraph(`${i} ${"lorem ipsum ".repeat(4_000)}`)]);
      seeder.send(syncMessage(2, Y.encodeStateAsUpdate(doc, before)));
      expect(await seeder.sendAndProbe()).toBeInstanceOf(Uint8Array);
    }
    seeder.close();
    const watcher = connectCollabClient(server.url, section, { cookie });
    clients.push(watcher);
    await watcher.synced;
    await waitFor(() => watcher.fragment.length === 8, "the watcher to load the section");

    const slow = await RawCollabSocket.open(server.url, section, cookie);
    slow.send(awarenessMessage(awarenessUpdate(31_337, 1, JSON.stringify({ user: "slow" }))));
    await waitFor(() => watcher.provider.awareness.getStates().has(31_337), "the slow client");
    const pid = server.child.pid!;
    const rssBefore = await settledRssBytes(pid);

    // Stop reading, then ask 280 times for the whole section: about 110 MB of answers.
    slow.ws.pause();
    for (let i = 0; i < 280; i++) slow.send(FULL_STATE_PROBE);
    await waitFor(
      () => !watcher.provider.awareness.getStates().has(31_337),
      "the server to drop the client that does not read",
      30_000,
    );
    const rssAfter = await settledRssBytes(pid);
    expect(server.output()).toMatch(/closed, client too slow/);
    slow.ws.resume();
    expect([1006, 1013]).toContain((await slow.closed).code);
    figures.push(`slowClientRssGrowthMiB=${mib(rssAfter - rssBefore)}`);
    expect(rssAfter - rssBefore, `RSS ${mib(rssBefore)} -> ${mib(rssAfter)} MiB`).toBeLessThan(
      48 * 1024 * 1024,
    );
    await stillServes(control, "the slow client");
  });
});

describe("bound on sections loaded at once", () => {
  let server: ServerProcess;
  let cookie: string;
  const clients: CollabClient[] = [];
  beforeAll(async () => {
    server = await startServerProcess({
      env: { RAPPORTEUR_MAX_LOADED_DOCUMENTS: "2", RAPPORTEUR_IDLE_UNLOAD_MS: "600000" },
    });
    cookie = await loginAs(server.url, "drafter");
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
  });

  it("unloads an idle section (compacted) to load another, and refuses with 1013 when all are busy", async () => {
    const a = connectCollabClient(server.url, "p1-access", { cookie });
    const a2 = connectCollabClient(server.url, "p1-access", { cookie });
    const b = connectCollabClient(server.url, "p2-equality", { cookie });
    clients.push(a, a2, b);
    await Promise.all([a.synced, a2.synced, b.synced]);
    for (let i = 0; i < 5; i++) b.fragment.push([paragraph(`kept ${i}`)]);
    await waitFor(
      () => storedDocument(server.dataDir, "p2-equality").getXmlFragment("default").length === 5,
      "b's edits to be stored",
    );

    // Both loaded sections have connections: a third is refused, transiently.
    const refused = await RawCollabSocket.open(server.url, "p3-innovation", cookie);
    expect(await refused.closed).toEqual({
      code: 1013,
      reason: "The server has 2 sections open, all in use: try again in a moment",
    });
    await stillServes([a, a2], "the refusal");

    // Once p2-equality is idle it makes room: compacted to one stored row, then dropped.
    // Retried as a y-websocket client does after 1013, until the server has seen b leave.
    b.destroy();
    let c: RawCollabSocket;
    const deadline = Date.now() + 15_000;
    for (;;) {
      if (Date.now() > deadline) throw new Error("No room for p3-innovation");
      const attempt = await RawCollabSocket.open(server.url, "p3-innovation", cookie);
      const answer = await attempt.sendAndProbe();
      if (answer instanceof Uint8Array) {
        c = attempt;
        break;
      }
      expect(answer.code).toBe(1013);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const rowsOf = (doc: string) =>
      tableRows(server.dataDir, "document_updates").filter(
        (row) => (row as { doc: string }).doc === doc,
      ).length;
    await waitFor(() => rowsOf("p2-equality") === 1, "p2-equality to be compacted");
    c.close();
    await c.closed;

    const again = connectCollabClient(server.url, "p2-equality", { cookie });
    clients.push(again);
    await again.synced;
    expect(again.fragment.toString()).toContain("kept 4");
    await stillServes([a, a2], "the unload");
  });
});
