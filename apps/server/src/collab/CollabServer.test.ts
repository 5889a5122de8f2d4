import { colourForName } from "@rapporteur/accounts";
import type { DocumentStore } from "@rapporteur/storage";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { eventually, paragraphUpdate, RawCollabClient } from "../testing/RawCollabClient";
import { startTestServer, type TestServer } from "../testing/startTestServer";
import type { CollabExtension } from "./CollabExtension";
import { CollabRefusal } from "./CollabRefusal";
import { CloseCode } from "./closeCodes";
import { MessageType, SyncMessageType } from "./messageTypes";

const SECTION = "p1-access";
const servers: TestServer[] = [];
const clients: RawCollabClient[] = [];

async function start(options: Parameters<typeof startTestServer>[0] = {}) {
  const server = await startTestServer(options);
  servers.push(server);
  return server;
}
async function connect(server: TestServer, section = SECTION) {
  const client = new RawCollabClient(server.wsUrl(section), { cookie: server.cookies.drafter });
  clients.push(client);
  await client.opened;
  return client;
}
/** Connects and completes the handshake (server step 1 answered, own step 1 answered). */
async function connectSynced(server: TestServer, section = SECTION) {
  const client = await connect(server, section);
  client.sendStep1();
  await client.waitForMessage((m) => m.syncType === SyncMessageType.step2);
  return client;
}
const text = (doc: Y.Doc) => doc.getXmlFragment("default").toString();
/** Stored rows of a section once compaction (which makes history checkpoints in a worker) settles. */
async function storedRowsWhen(server: TestServer, accept: (rows: number) => boolean) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const rows = (await server.store.load(SECTION)).updates.length;
    if (accept(rows) || Date.now() > deadline) return rows;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  for (const server of servers.splice(0)) await server.close();
});

describe("collaboration protocol", () => {
  it("starts the handshake with sync step 1 and answers a client's step 1 with step 2", async () => {
    const server = await start();
    const client = await connect(server);
    const first = await client.waitForMessage(() => true);
    expect([first.type, first.syncType]).toEqual([MessageType.sync, SyncMessageType.step1]);
    client.sendStep1();
    await client.waitForMessage((m) => m.syncType === SyncMessageType.step2);
  });

  it("stores an update, then broadcasts it to every connection of the section", async () => {
    const server = await start();
    const a = await connectSynced(server);
    const b = await connectSynced(server);
    const other = await connectSynced(server, "p1-context");
    a.sendSync(SyncMessageType.update, paragraphUpdate("Access and inclusion"));
    await eventually(() => text(b.doc).includes("Access and inclusion"));
    expect(text(a.doc)).toBe(text(b.doc));
    expect(text(other.doc)).toBe("");
    const stored = await server.store.load(SECTION);
    expect(stored.updates).toHaveLength(1);
  });

  it("shares presence (awareness) under the account's name and answers an awareness query", async () => {
    const server = await start();
    const a = await connectSynced(server);
    const b = await connectSynced(server);
    a.send(awarenessMessage(1234, 1, { user: { name: "Amina" }, cursor: 7 }));
    const seen = await b.waitForMessage((m) => m.type === MessageType.awareness);
    // The server sets the user from the account (drafter), whatever the client claims.
    expect(presenceStates(seen)).toEqual([
      {
        clientId: 1234,
        state: {
          user: {
            id: expect.stringMatching(/^\d+$/),
            name: "drafter",
            color: colourForName("drafter"),
          },
          cursor: 7,
        },
      },
    ]);
    const c = await connectSynced(server);
    const from = c.messages.length;
    c.send(new Uint8Array([MessageType.queryAwareness]));
    const answer = await c.waitForMessage((m) => m.type === MessageType.awareness, from);
    expect(Buffer.from(answer.payload!).toString()).toContain('"name":"drafter"');
    // When a leaves, the others learn that its user is gone.
    const before = b.messages.length;
    a.close();
    const gone = await b.waitForMessage((m) => m.type === MessageType.awareness, before);
    expect(presenceStates(gone)).toEqual([{ clientId: 1234, state: null }]);
  });

  it("lets a connection change only the presence of the client id it announced first", async () => {
    const server = await start();
    const owner = await connectSynced(server);
    const other = await connectSynced(server);
    const witness = await connectSynced(server);
    owner.send(awarenessMessage(1001, 1, { cursor: 1 }));
    await witness.waitForMessage((m) => m.type === MessageType.awareness);
    other.send(awarenessMessage(2002, 1, { cursor: 2 }));
    await eventually(() => server.server.collab.documentNames.length === 1);
    const document = await server.server.collab.loadDocument(SECTION);
    await eventually(() => document.awareness.getStates().has(2002));
    // A removal and an overwrite of 1001 from another connection, then a second client id.
    other.send(awarenessMessage(1001, 5, null));
    other.send(awarenessMessage(1001, 6, { cursor: 99 }));
    other.send(awarenessMessage(3003, 1, { cursor: 3 }));
    other.send(awarenessMessage(2002, 2, { cursor: 22 }));
    await eventually(() => (document.awareness.getStates().get(2002)?.cursor as number) === 22);
    expect(document.awareness.getStates().get(1001)).toMatchObject({ cursor: 1 });
    expect(document.awareness.getStates().has(3003)).toBe(false);
    // The owner's own removal is honoured.
    owner.send(awarenessMessage(1001, 2, null));
    await eventually(() => !document.awareness.getStates().has(1001));
  });

  it("refuses an oversized presence update (4413) and merges a flood of presence changes", async () => {
    const server = await start();
    const flooder = await connectSynced(server);
    const witness = await connectSynced(server);
    const document = await server.server.collab.loadDocument(SECTION);
    let applied = 0;
    document.awareness.on("update", () => applied++);
    for (let i = 1; i <= 200; i++) flooder.send(awarenessMessage(4242, i, { cursor: i }));
    // The latest state always arrives, however fast the changes came...
    await eventually(() => document.awareness.getStates().get(4242)?.cursor === 200, 10_000);
    await eventually(() => witness.messages.some((m) => m.type === MessageType.awareness));
    // ...but a burst of 20, then 10 per second, are applied and broadcast, not 200.
    expect(applied).toBeLessThanOrEqual(25);
    flooder.send(awarenessMessage(4242, 300, { pad: "x".repeat(70 * 1024) }));
    expect(await flooder.closed).toEqual({
      code: CloseCode.messageTooLarge,
      reason: expect.stringMatching(/^Presence update of \d+ bytes exceeds the limit of 65536/),
    });
  });

  it("answers repeated requests for the whole document within a byte budget", async () => {
    const server = await start({
      trafficLimits: { syncAnswerBurstBytes: 100_000, syncAnswerBytesPerSecond: 20_000 },
    });
    const writer = await connectSynced(server);
    writer.sendSync(SyncMessageType.update, paragraphUpdate("x".repeat(20_000)));
    const reader = await connectSynced(server);
    await eventually(() => text(reader.doc).includes("xxxx"));
    const from = reader.messages.length;
    const started = performance.now();
    for (let i = 0; i < 50; i++) reader.sendSync(SyncMessageType.step1, new Uint8Array([0]));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const answers = reader.messages.slice(from).filter((m) => m.syncType === SyncMessageType.step2);
    const bytes = answers.reduce((sum, m) => sum + m.bytes.byteLength, 0);
    const seconds = (performance.now() - started) / 1000;
    // Burst + rate * time + one answer; 50 answers would be over a megabyte.
    expect(bytes).toBeLessThanOrEqual(100_000 + 20_000 * seconds + 25_000);
    expect(answers.length).toBeGreaterThan(2);
    // The latest request is answered, late, not refused.
    expect(reader.ws.readyState).toBe(reader.ws.OPEN);
  });
});

/** A y-websocket awareness message announcing `state` for `clientId` at `clock`. */
function awarenessMessage(clientId: number, clock: number, state: unknown): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1);
  encoding.writeVarUint(update, clientId);
  encoding.writeVarUint(update, clock);
  encoding.writeVarString(update, JSON.stringify(state));
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
  return encoding.toUint8Array(encoder);
}

/** The client ids and states of a received awareness message. */
function presenceStates(message: { payload?: Uint8Array }): { clientId: number; state: unknown }[] {
  const decoder = decoding.createDecoder(message.payload!);
  const count = decoding.readVarUint(decoder);
  const states: { clientId: number; state: unknown }[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    states.push({ clientId, state: JSON.parse(decoding.readVarString(decoder)) });
  }
  return states;
}

describe("refusing malformed input", () => {
  const truncatedUpdate = () => {
    const full = paragraphUpdate("this paragraph must never appear");
    return full.slice(0, full.length - 3);
  };
  it.each([
    ["a text frame", (c: RawCollabClient) => c.send("hello"), /text frames/],
    ["an empty frame", (c: RawCollabClient) => c.send(new Uint8Array()), /message type/],
    ["an unknown message type", (c: RawCollabClient) => c.send(new Uint8Array([9])), /type 9/],
    ["an unknown sync type", (c: RawCollabClient) => c.send(new Uint8Array([0, 7, 0])), /sync/],
    [
      "a truncated update",
      (c: RawCollabClient) => c.sendSync(SyncMessageType.update, truncatedUpdate()),
      /Malformed update/,
    ],
    [
      "a truncated frame",
      (c: RawCollabClient) =>
        c.send(
          RawCollabClient.syncMessage(SyncMessageType.update, paragraphUpdate("x")).slice(0, 6),
        ),
      /truncated/,
    ],
    [
      "trailing bytes",
      (c: RawCollabClient) =>
        c.send(
          Buffer.concat([
            RawCollabClient.syncMessage(SyncMessageType.step1, new Uint8Array([0])),
            Buffer.from([1]),
          ]),
        ),
      /unexpected bytes/,
    ],
    [
      "a bad state vector",
      (c: RawCollabClient) => c.sendSync(SyncMessageType.step1, new Uint8Array([5, 1])),
      /state vector/,
    ],
    [
      "a malformed awareness update",
      (c: RawCollabClient) => c.send(new Uint8Array([1, 4, 1, 1, 1, 9])),
      /awareness/,
    ],
  ])(
    "closes with 4400 on %s, changes nothing, and keeps serving others",
    async (_n, send, reason) => {
      const server = await start();
      const witness = await connectSynced(server);
      witness.sendSync(SyncMessageType.update, paragraphUpdate("kept"));
      await eventually(() => text(witness.doc).includes("kept"));
      const storedBefore = await server.store.load(SECTION);

      const bad = await connectSynced(server);
      send(bad);
      const closed = await bad.closed;
      expect(closed.code).toBe(CloseCode.badRequest);
      expect(closed.reason).toMatch(reason);

      expect(await server.store.load(SECTION)).toEqual(storedBefore);
      const fresh = await connectSynced(server);
      expect(text(fresh.doc)).toBe("<paragraph>kept</paragraph>");
      witness.sendSync(SyncMessageType.update, paragraphUpdate("still served", witness.doc));
      await eventually(() => text(fresh.doc).includes("still served"));
    },
  );

  it("closes with 4413 on a message above the size limit", async () => {
    const server = await start({ maxMessageBytes: 4096 });
    const client = await connectSynced(server);
    client.sendSync(SyncMessageType.update, paragraphUpdate("x".repeat(5000)));
    const closed = await client.closed;
    expect(closed.code).toBe(CloseCode.messageTooLarge);
    expect(closed.reason).toMatch(/exceeds the limit of 4096/);
    expect((await server.store.load(SECTION)).updates).toHaveLength(0);
  });
});

describe("document lifecycle", () => {
  it("loads a document once for connections that arrive together", async () => {
    const base = await start();
    let loads = 0;
    const store: DocumentStore = {
      ...base.store,
      load: async (name) => {
        loads++;
        await new Promise((resolve) => setTimeout(resolve, 50));
        return base.store.load(name);
      },
      append: (name, update) => base.store.append(name, update),
      compact: (name, state, through) => base.store.compact(name, state, through),
      list: () => base.store.list(),
      close: async () => {},
    };
    const server = await start({ store });
    const startupLoads = loads;
    await Promise.all([connectSynced(server), connectSynced(server), connectSynced(server)]);
    expect(loads - startupLoads).toBe(1);
  });

  it("unloads an idle document (compacted) and loads it again with its content", async () => {
    const server = await start({ idleUnloadMs: 20 });
    const a = await connectSynced(server);
    for (const word of ["one", "two", "three"]) {
      a.sendSync(SyncMessageType.update, paragraphUpdate(word, a.doc));
      await eventually(() => text(a.doc).includes(word));
    }
    expect((await server.store.load(SECTION)).updates).toHaveLength(3);
    a.close();
    await eventually(() => server.server.collab.documentNames.length === 0);
    expect(await storedRowsWhen(server, (rows) => rows === 1)).toBe(1);
    const b = await connectSynced(server);
    expect(text(b.doc)).toBe(
      "<paragraph>one</paragraph><paragraph>two</paragraph><paragraph>three</paragraph>",
    );
  });

  it("a direct connection edits through the pipeline (stored, broadcast) and keeps the section loaded until it disconnects", async () => {
    const server = await start({ idleUnloadMs: 20 });
    const editor = await connectSynced(server);
    const direct = await server.server.collab.openDirectConnection(SECTION);
    const changed = await direct.transact((ydoc) => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText("From the server")]);
      ydoc.getXmlFragment("default").insert(0, [paragraph]);
      return true;
    });
    expect(changed).toBe(true);
    expect(await direct.transact(() => false)).toBe(false);
    await eventually(() => text(editor.doc) === "<paragraph>From the server</paragraph>");
    expect((await server.store.load(SECTION)).updates).toHaveLength(1);

    editor.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Nobody but the direct connection has the section open: it stays loaded for it.
    expect(server.server.collab.documentNames).toEqual([SECTION]);
    direct.disconnect();
    await eventually(() => server.server.collab.documentNames.length === 0);
  });

  it("compacts the stored updates after the configured number", async () => {
    const server = await start({ compactEvery: 4 });
    const a = await connectSynced(server);
    for (let i = 0; i < 10; i++) {
      a.sendSync(SyncMessageType.update, paragraphUpdate(`p${i}`, a.doc));
      await eventually(() => text(a.doc).includes(`p${i}<`));
    }
    expect(await storedRowsWhen(server, (rows) => rows <= 4)).toBeLessThanOrEqual(4);
    const stored = await server.store.load(SECTION);
    const rebuilt = new Y.Doc();
    for (const u of stored.updates) Y.applyUpdate(rebuilt, u);
    expect(text(rebuilt)).toBe(text(a.doc));
  });
});

/** The store `base`, with `beforeAppend` awaited before each append (to hold or fail it). */
function guardedStore(base: DocumentStore, beforeAppend: () => Promise<void>): DocumentStore {
  return {
    load: (name) => base.load(name),
    append: async (name, update) => {
      await beforeAppend();
      return base.append(name, update);
    },
    compact: (name, state, through) => base.compact(name, state, through),
    list: () => base.list(),
    close: async () => {},
  };
}

describe("write before broadcast", () => {
  it("shows nobody an update before the store has it", async () => {
    const base = await start();
    let releaseAppend: () => void = () => {};
    let appendStarted = false;
    const store = guardedStore(base.store, async () => {
      appendStarted = true;
      await new Promise<void>((resolve) => {
        releaseAppend = resolve;
      });
    });
    const server = await start({ store });
    const a = await connectSynced(server);
    const b = await connectSynced(server);
    a.sendSync(SyncMessageType.update, paragraphUpdate("durable first"));
    await eventually(() => appendStarted);
    // A newcomer's sync must not include it either.
    const c = await connectSynced(server);
    expect(text(b.doc)).toBe("");
    expect(text(c.doc)).toBe("");
    releaseAppend();
    await eventually(() => text(b.doc).includes("durable first"));
    await eventually(() => text(c.doc).includes("durable first"));
  });

  it("drops an update the store refuses and ends its sender's connection with 1011", async () => {
    const base = await start();
    let failing = true;
    const store = guardedStore(base.store, async () => {
      if (failing) throw new Error("disk full");
    });
    const server = await start({ store });
    const a = await connectSynced(server);
    const b = await connectSynced(server);
    a.sendSync(SyncMessageType.update, paragraphUpdate("lost"));
    expect((await a.closed).code).toBe(CloseCode.internal);
    failing = false;
    b.sendSync(SyncMessageType.update, paragraphUpdate("saved"));
    await eventually(() => text(b.doc).includes("saved"));
    expect(text(b.doc)).not.toContain("lost");
  });
});

describe("extension hooks", () => {
  it("lets an authentication extension refuse or make a connection read-only", async () => {
    const auth: CollabExtension = {
      name: "test-auth",
      async onAuthenticate({ params }) {
        const token = params.get("token");
        if (!token) throw new CollabRefusal(CloseCode.unauthenticated, "Sign in first");
        return { readOnly: token === "reviewer", context: { token } };
      },
    };
    const server = await start({ extensions: [auth] });
    const anonymous = await connect(server);
    expect(await anonymous.closed).toEqual({ code: 4401, reason: "Sign in first" });

    const cookie = server.cookies.drafter;
    const drafter = new RawCollabClient(`${server.wsUrl(SECTION)}?token=drafter`, { cookie });
    const reviewer = new RawCollabClient(`${server.wsUrl(SECTION)}?token=reviewer`, { cookie });
    clients.push(drafter, reviewer);
    await Promise.all([drafter.opened, reviewer.opened]);
    drafter.sendStep1();
    reviewer.sendStep1();
    // Answering the server's step 1 with nothing new is fine for a reader.
    reviewer.sendSync(SyncMessageType.step2, Y.encodeStateAsUpdate(new Y.Doc()));
    drafter.sendSync(SyncMessageType.update, paragraphUpdate("drafted"));
    await eventually(() => text(reviewer.doc).includes("drafted"));
    reviewer.sendSync(SyncMessageType.update, paragraphUpdate("reviewed", reviewer.doc));
    expect(await reviewer.closed).toEqual({
      code: 4403,
      reason: "read-only: this connection may not edit",
    });
    expect(text(drafter.doc)).not.toContain("reviewed");
  });

  it("ends a connection whose authentication does not finish in time with 4408", async () => {
    const stuck: CollabExtension = {
      name: "stuck",
      onAuthenticate: () => new Promise(() => {}),
    };
    const server = await start({ extensions: [stuck], authTimeoutMs: 50 });
    const client = await connect(server);
    expect(await client.closed).toEqual({ code: 4408, reason: "Authentication took too long" });
  });

  it("ends a connection with 1011 when a hook fails unexpectedly, and keeps serving", async () => {
    let fail = true;
    const flaky: CollabExtension = {
      name: "flaky",
      async onAuthenticate() {
        if (fail) throw new Error("boom");
        return undefined;
      },
    };
    const server = await start({ extensions: [flaky] });
    const first = await connect(server);
    expect(await first.closed).toEqual({ code: 1011, reason: "Internal server error" });
    fail = false;
    await connectSynced(server);
  });
});
