import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DocumentStore, SqliteStore } from "@rapporteur/storage";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { RapporteurServerOptions } from "../../apps/server/src/createRapporteurServer";
import type { Logger } from "../../apps/server/src/Logger";
import type {
  DocumentRelay,
  RelayListener,
  RelayMessage,
} from "../../apps/server/src/relay/DocumentRelay";
import { RedisRelay } from "../../apps/server/src/relay/RedisRelay";
import { encodeRelayFrame } from "../../apps/server/src/relay/RelayFrame";
import { EventStreamReader } from "../../apps/server/src/testing/EventStreamReader";
import { RawCollabClient } from "../../apps/server/src/testing/RawCollabClient";
import { startTestServer, type TestServer } from "../../apps/server/src/testing/startTestServer";
import { callApi } from "../support/callApi";
import { type CollabClient, connectCollabClient, waitFor } from "../support/collabClient";

/** The Redis these tests need (CI starts one: .ci/run). */
const REDIS_URL = "redis://127.0.0.1:6379";
/** One channel prefix per run, so that test runs in parallel never hear each other. */
const RUN_PREFIX = `rapporteur-test-${randomUUID()}:`;

/** Whatever the instances logged, to check that what was dropped was said. */
class RecordingLogger implements Logger {
  readonly lines: string[] = [];
  info(): void {}
  warn(message: string): void {
    this.lines.push(message);
  }
  error(message: string): void {
    this.lines.push(message);
  }
}

/** One instance's view of the shared SQLite store: counts what it stores, can hold a load. */
class InstanceStore implements DocumentStore {
  /** Sequence numbers this instance stored, per section. */
  readonly appended = new Map<string, number[]>();
  /** The `throughSeq` of every compaction this instance made, per section. */
  readonly compactions = new Map<string, number[]>();
  #gate: { section: string; read: () => void; released: Promise<void> } | null = null;

  constructor(private readonly shared: SqliteStore) {}

  /**
   * Makes the next load of `section` wait, after it has read the store, until `release` is
   * called; `read` resolves once it has read.
   */
  holdLoad(section: string): { read: Promise<void>; release: () => void } {
    let release!: () => void;
    let read!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const hasRead = new Promise<void>((resolve) => {
      read = resolve;
    });
    this.#gate = { section, read, released };
    return { read: hasRead, release };
  }

  async load(name: string) {
    const stored = await this.shared.load(name);
    const gate = this.#gate;
    if (gate?.section === name) {
      this.#gate = null;
      gate.read();
      await gate.released;
    }
    return stored;
  }

  async append(name: string, update: Uint8Array, meta?: Parameters<DocumentStore["append"]>[2]) {
    const seq = await this.shared.append(name, update, meta);
    this.appended.set(name, [...(this.appended.get(name) ?? []), seq]);
    return seq;
  }

  async compact(...args: Parameters<DocumentStore["compact"]>) {
    await this.shared.compact(...args);
    const [name, , throughSeq] = args;
    this.compactions.set(name, [...(this.compactions.get(name) ?? []), throughSeq]);
  }

  list() {
    return this.shared.list();
  }

  async close() {}
}

/**
 * A relay whose incoming section updates the test can hold back (a slow Redis delivery) or drop
 * (lost while the connection was down).
 */
class FilteringRelay implements DocumentRelay {
  mode: "pass" | "hold" | "drop" = "pass";
  /** Section updates dropped so far. */
  dropped = 0;
  readonly #held: RelayMessage[] = [];
  readonly #listeners = new Set<RelayListener>();

  constructor(private readonly inner: RedisRelay) {
    inner.listen((message) => {
      if (message.kind === "update" && this.mode === "hold") this.#held.push(message);
      else if (message.kind === "update" && this.mode === "drop") this.dropped++;
      else for (const listener of this.#listeners) listener(message);
    });
  }

  /** Delivers what was held, in order, and passes everything from now on. */
  release(): void {
    this.mode = "pass";
    for (const message of this.#held.splice(0)) {
      for (const listener of this.#listeners) listener(message);
    }
  }

  get heldCount(): number {
    return this.#held.length;
  }

  listen(listener: RelayListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
  onReconnect(listener: () => void) {
    return this.inner.onReconnect(listener);
  }
  publishUpdate(section: string, update: Uint8Array, seq: number) {
    return this.inner.publishUpdate(section, update, seq);
  }
  publishAwareness(section: string, update: Uint8Array) {
    return this.inner.publishAwareness(section, update);
  }
  queryAwareness(section: string) {
    return this.inner.queryAwareness(section);
  }
  publishEvent(name: string, data: unknown) {
    return this.inner.publishEvent(name, data);
  }
  subscribe(section: string) {
    return this.inner.subscribe(section);
  }
  unsubscribe(section: string) {
    return this.inner.unsubscribe(section);
  }
  close() {
    return this.inner.close();
  }
}

interface Instance {
  server: TestServer;
  relay: RedisRelay;
  store: InstanceStore;
  logger: RecordingLogger;
}

interface Pair {
  a: Instance;
  b: Instance;
  shared: SqliteStore;
  prefix: string;
}

const cleanups: (() => Promise<void>)[] = [];
let pairs = 0;

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function connectRelay(prefix: string, logger: Logger): Promise<RedisRelay> {
  try {
    return await RedisRelay.connect({
      url: REDIS_URL,
      channelPrefix: prefix,
      logger,
      connectTimeoutMs: 3_000,
    });
  } catch (error) {
    throw new Error(
      `The relay tests need Redis 7 at ${REDIS_URL} (CI starts it in .ci/run; locally run ` +
        `\`redis-server --daemonize yes\`): ${error instanceof Error ? error.message : error}`,
    );
  }
}

/**
 * Two server instances on one SQLite store, each with its own registry and its own RedisRelay
 * (`wrapA` and `wrapB` may wrap them), both on port 0.
 */
async function startPair(
  options: {
    a?: Partial<RapporteurServerOptions>;
    b?: Partial<RapporteurServerOptions>;
    wrapA?: (relay: RedisRelay) => DocumentRelay;
    wrapB?: (relay: RedisRelay) => DocumentRelay;
  } = {},
): Promise<Pair> {
  const prefix = `${RUN_PREFIX}${++pairs}:`;
  const shared = SqliteStore.open(mkdtempSync(join(tmpdir(), "rapporteur-relay-")));
  cleanups.push(() => shared.close());
  const start = async (
    extra: Partial<RapporteurServerOptions>,
    wrap?: (relay: RedisRelay) => DocumentRelay,
  ): Promise<Instance> => {
    const logger = new RecordingLogger();
    const relay = await connectRelay(prefix, logger);
    cleanups.push(() => relay.close());
    const store = new InstanceStore(shared);
    const server = await startTestServer({
      store,
      database: shared.database,
      relay: wrap ? wrap(relay) : relay,
      logger,
      ...extra,
    });
    cleanups.push(() => server.server.close());
    return { server, relay, store, logger };
  };
  const a = await start(options.a ?? {}, options.wrapA);
  const b = await start(options.b ?? {}, options.wrapB);
  return { a, b, shared, prefix };
}

function connect(instance: Instance, section: string): CollabClient {
  const client = connectCollabClient(instance.server.url, section, {
    cookie: instance.server.cookies.editor,
  });
  cleanups.push(async () => client.destroy());
  return client;
}

function type(client: CollabClient, text: string): void {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  client.fragment.insert(client.fragment.length, [paragraph]);
}

/** The section as the shared store holds it (what a restarted server would show). */
async function storedText(store: SqliteStore, section: string): Promise<string> {
  const doc = new Y.Doc();
  for (const update of (await store.load(section)).updates) Y.applyUpdate(doc, update);
  const text = doc.getXmlFragment("default").toString();
  doc.destroy();
  return text;
}

describe("two server instances relaying through Redis", () => {
  it("clients on either instance edit one section together and converge; the origin alone stores each edit", async () => {
    const { a, b, shared } = await startPair();
    const section = "p1-access";
    const onA = connect(a, section);
    const onB = connect(b, section);
    await Promise.all([onA.synced, onB.synced]);

    for (let i = 0; i < 20; i++) {
      type(onA, `alpha${i}`);
      type(onB, `beta${i}`);
      if (i % 4 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    const sameState = () =>
      Buffer.from(Y.encodeStateVector(onA.doc)).equals(Buffer.from(Y.encodeStateVector(onB.doc)));
    await waitFor(sameState, "the clients of both instances to converge");
    const content = onA.fragment.toString();
    expect(onB.fragment.toString()).toBe(content);
    for (let i = 0; i < 20; i++) {
      expect(content).toContain(`alpha${i}`);
      expect(content).toContain(`beta${i}`);
    }
    // Everything either client saw is stored, each update once, by the instance it came to.
    expect(await storedText(shared, section)).toBe(content);
    const storedA = a.store.appended.get(section) ?? [];
    const storedB = b.store.appended.get(section) ?? [];
    expect(storedA.length).toBeGreaterThan(0);
    expect(storedB.length).toBeGreaterThan(0);
    expect(new Set([...storedA, ...storedB]).size).toBe(storedA.length + storedB.length);

    // A reader on B only: B stores nothing of what A's client types, yet shows it.
    const before = storedB.length;
    const reader = connect(b, section);
    await reader.synced;
    type(onA, "typed on A for the reader on B");
    await waitFor(
      () => reader.fragment.toString().includes("typed on A for the reader on B"),
      "the reader on B to see A's edit",
    );
    expect((b.store.appended.get(section) ?? []).length).toBe(before);
  });

  it("shows the presence of a client on A to a client on B, and removes it when it leaves", async () => {
    const { a, b } = await startPair();
    const section = "p1-context";
    const onA = connect(a, section);
    await onA.synced;
    onA.provider.awareness.setLocalStateField("cursor", { anchor: 3, head: 7 });
    // B loads the section after A's client announced itself: B asks A for its clients' presence
    // (A's client would only renew it after 15 s).
    const onB = connect(b, section);
    await onB.synced;
    const seenOnB = () => onB.provider.awareness.getStates().get(onA.doc.clientID);
    await waitFor(() => seenOnB()?.cursor !== undefined, "B's client to see A's client", 8_000);
    expect(seenOnB()).toMatchObject({ cursor: { anchor: 3, head: 7 } });
    // The name the server gives A's account, not one the client wrote.
    expect(seenOnB()?.user).toMatchObject({ name: expect.any(String) });

    onA.provider.awareness.setLocalStateField("cursor", { anchor: 9, head: 9 });
    await waitFor(() => seenOnB()?.cursor?.anchor === 9, "B's client to see A's cursor move");

    // B's client's presence reaches A too.
    onB.provider.awareness.setLocalStateField("cursor", { anchor: 1, head: 1 });
    await waitFor(
      () => onA.provider.awareness.getStates().get(onB.doc.clientID)?.cursor?.anchor === 1,
      "A's client to see B's client",
    );

    onA.destroy();
    await waitFor(() => seenOnB() === undefined, "A's client to leave B's presence");
  });

  it("relays every report on channels of its own: two reports' sections of one id never mix", async () => {
    const { a, b } = await startPair();
    const admin = a.server.cookies.editor;
    const created: number[] = [];
    for (const title of ["Priority theme: data", "Priority theme: AI"]) {
      const answer = await callApi(a.server.url, admin, "POST", "/reports", {
        title,
        template: "blank",
      });
      expect(answer.status).toBe(201);
      created.push((answer.body as { id: number }).id);
    }
    const [second, third] = created as [number, number];
    // Both blank reports hold a section of the same id.
    const onA = connect(a, `${second}/section-1`);
    const onB = connect(b, `${second}/section-1`);
    const otherReportOnB = connect(b, `${third}/section-1`);
    await Promise.all([onA.synced, onB.synced, otherReportOnB.synced]);

    type(onA, "typed into the second report on A");
    await waitFor(
      () => onB.fragment.toString().includes("typed into the second report on A"),
      "B's client of the same report to see A's edit",
    );
    type(otherReportOnB, "the third report's own text");
    await waitFor(
      () =>
        onB.fragment.toString().includes("typed into the second report on A") &&
        otherReportOnB.fragment.toString().includes("own text"),
      "both reports to settle",
    );
    // Another round trip through Redis: had anything crossed reports, it would be here by now.
    type(onA, "second edit");
    await waitFor(() => onB.fragment.toString().includes("second edit"), "the second edit on B");
    expect(otherReportOnB.fragment.toString()).not.toContain("typed into the second report");
    expect(onB.fragment.toString()).not.toContain("own text");
  });

  it("sends an event raised on A to the event streams of B, once, and never back to A", async () => {
    const { a, b } = await startPair();
    const streamA = await EventStreamReader.open(a.server.url, a.server.headers("editor"));
    const streamB = await EventStreamReader.open(b.server.url, b.server.headers("editor"));
    cleanups.push(() => streamA.close());
    cleanups.push(() => streamB.close());

    const submitted = await callApi(
      a.server.url,
      a.server.cookies.editor,
      "POST",
      "/sections/p1-context/status",
      { action: "submit" },
    );
    expect(submitted.status).toBe(200);
    const event = await streamB.waitFor("section", (e) => e.sectionId === "p1-context");
    expect(event.status).toBe(submitted.body.status);

    // An event from B afterwards: once A has it, A would have had its own echo before it.
    const fromB = await callApi(
      b.server.url,
      b.server.cookies.editor,
      "POST",
      "/sections/p1-access/status",
      { action: "submit" },
    );
    expect(fromB.status).toBe(200);
    await streamA.waitFor("section", (e) => e.sectionId === "p1-access");
    expect(streamA.events("section").filter((e) => e.sectionId === "p1-context")).toHaveLength(1);
    await streamB.waitFor("section", (e) => e.sectionId === "p1-access");
    expect(streamB.events("section").filter((e) => e.sectionId === "p1-context")).toHaveLength(1);
    expect(streamB.events("section").filter((e) => e.sectionId === "p1-access")).toHaveLength(1);
  });

  it("a section approved on A locks it for the drafters connected to B", async () => {
    const { a, b } = await startPair();
    const section = "p2-equality";
    const drafter = await RawCollabClient.open(b.server.url, section, b.server.cookies.drafter);
    cleanups.push(async () => drafter.close());
    drafter.sendUpdate(drafter.paragraphUpdate("Before the lock"));
    const watcher = connect(a, section);
    await waitFor(() => watcher.fragment.toString().includes("Before the lock"), "the edit on A");

    // B's own listeners on the relay run before this one (registered when B started): once
    // this one has the event, B has applied it.
    let relayed = false;
    b.relay.listen((message) => {
      if (message.kind === "event" && message.name === "section") relayed = true;
    });
    const approved = await callApi(
      a.server.url,
      a.server.cookies.editor,
      "POST",
      `/sections/${section}/status`,
      { action: "approve" },
    );
    expect(approved.status).toBe(200);
    await waitFor(() => relayed, "B to receive the section event");
    drafter.sendUpdate(drafter.paragraphUpdate("After the lock, on B"));
    const closed = await Promise.race([
      drafter.closed,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000)),
    ]);
    expect(closed?.code, "B to refuse the edit on the locked section").toBe(4403);
    expect(closed?.reason).toMatch(/^read-only: this section is approved and locked/);
    expect(watcher.fragment.toString()).not.toContain("After the lock, on B");
  });

  it("a section loading on B misses nothing A stores while B reads it from the store", async () => {
    const { a, b } = await startPair();
    const section = "p1-access";
    const onA = connect(a, section);
    await onA.synced;
    type(onA, "typed before B loads");
    await waitFor(() => (a.store.appended.get(section) ?? []).length === 1, "A to store it");

    const hold = b.store.holdLoad(section);
    const relayed: number[] = [];
    b.relay.listen((message) => {
      if (message.kind === "update" && message.section === section) relayed.push(message.seq);
    });
    const onB = connect(b, section);
    // B has subscribed and read the store; it has not finished loading.
    await hold.read;
    type(onA, "typed while B was loading");
    await waitFor(() => relayed.length === 1, "B to receive the update A stored meanwhile");
    expect(relayed).toEqual([(a.store.appended.get(section) ?? [])[1]]);
    hold.release();
    await onB.synced;
    await waitFor(
      () => onB.fragment.toString().includes("typed while B was loading"),
      "B's client to get the update stored while B loaded",
    );
    expect(onB.fragment.toString()).toContain("typed before B loads");
    expect(onB.fragment.toString()).toBe(onA.fragment.toString());
    expect(b.store.appended.get(section) ?? []).toEqual([]);
  });

  it("an instance compacts only through the updates it has applied, never deleting one another instance stored", async () => {
    let holding: FilteringRelay | undefined;
    const { a, b, shared } = await startPair({
      // A compacts after every update it stores.
      a: { compactEvery: 1 },
      wrapA: (relay) => {
        holding = new FilteringRelay(relay);
        return holding;
      },
    });
    const relayA = holding!;
    const section = "intro-overview";
    const onA = connect(a, section);
    const onB = connect(b, section);
    await Promise.all([onA.synced, onB.synced]);

    // B's update reaches A late.
    relayA.mode = "hold";
    type(onB, "stored by B, not yet seen by A");
    await waitFor(() => relayA.heldCount === 1, "B's update to be stored and held for A");
    const seqOfB = (b.store.appended.get(section) ?? [])[0]!;

    type(onA, "stored by A");
    const aStored = () => (a.store.appended.get(section) ?? []).length;
    await waitFor(() => aStored() === 1, "A to store its update");
    await waitFor(() => (a.store.compactions.get(section) ?? []).length > 0, "A to compact");
    // A compacted, but not through B's update, which its live document lacks.
    expect(Math.max(...(a.store.compactions.get(section) ?? []))).toBeLessThan(seqOfB);
    const stored = await storedText(shared, section);
    expect(stored).toContain("stored by B, not yet seen by A");
    expect(stored).toContain("stored by A");

    relayA.release();
    await waitFor(
      () => onA.fragment.toString().includes("stored by B, not yet seen by A"),
      "A's client to get B's update",
    );
    type(onA, "stored by A once it had everything");
    await waitFor(() => aStored() === 2, "A to store its second update");
    await waitFor(
      () => Math.max(...(a.store.compactions.get(section) ?? [0])) >= seqOfB,
      "A to compact through B's update once it has applied it",
    );
    const after = await storedText(shared, section);
    for (const text of [
      "stored by B, not yet seen by A",
      "stored by A",
      "stored by A once it had everything",
    ]) {
      expect(after).toContain(text);
    }
    await waitFor(() => onB.fragment.toString() === onA.fragment.toString(), "both to converge");
  });

  it("after losing its connection to Redis, an instance catches up from the store", async () => {
    let filtering: FilteringRelay | undefined;
    const { a, b, shared } = await startPair({
      // B compacts after every update it stores.
      b: { compactEvery: 1 },
      wrapB: (relay) => {
        filtering = new FilteringRelay(relay);
        return filtering;
      },
    });
    const relayB = filtering!;
    const section = "p1-access";
    const onA = connect(a, section);
    const onB = connect(b, section);
    await Promise.all([onA.synced, onB.synced]);

    // What A publishes while B's connection is down never reaches B.
    relayB.mode = "drop";
    type(onA, "published while B was cut off");
    await waitFor(() => relayB.dropped === 1, "A's update to be lost on its way to B");
    const lostSeq = (a.store.appended.get(section) ?? [])[0]!;
    relayB.mode = "pass";
    type(onB, "typed on B before it reconnects");
    await waitFor(() => (b.store.appended.get(section) ?? []).length === 1, "B to store");
    // B cannot compact past the update it lacks.
    await waitFor(() => (b.store.compactions.get(section) ?? []).length > 0, "B to compact");
    expect(Math.max(...(b.store.compactions.get(section) ?? []))).toBeLessThan(lostSeq);
    expect(onB.fragment.toString()).not.toContain("published while B was cut off");

    // Redis drops B's subscriber connection; B reconnects and reads the section again.
    const raw = new Redis(REDIS_URL);
    cleanups.push(async () => {
      await raw.quit();
    });
    const subscriberName = `rapporteur-relay-subscriber-${b.relay.instanceId}`;
    const clients = String(await raw.client("LIST"));
    const id = clients
      .split("\n")
      .find((line) => line.includes(`name=${subscriberName} `))
      ?.match(/\bid=(\d+)/)?.[1];
    expect(id, "B's subscriber connection in CLIENT LIST").toBeDefined();
    await raw.client("KILL", "ID", id!);
    await waitFor(
      () => onB.fragment.toString().includes("published while B was cut off"),
      "B's client to get the update lost while B was cut off",
    );
    expect(b.logger.lines.join("\n")).toMatch(/relay: reconnected to Redis/);

    // Relaying works again, and B may now compact through the update it caught up on.
    type(onA, "published after B reconnected");
    await waitFor(
      () => onB.fragment.toString().includes("published after B reconnected"),
      "B's client to get A's next update",
    );
    type(onB, "typed on B after it caught up");
    await waitFor(
      () => Math.max(...(b.store.compactions.get(section) ?? [0])) >= lostSeq,
      "B to compact through the update it caught up on",
    );
    await waitFor(() => onA.fragment.toString() === onB.fragment.toString(), "both to converge");
    expect(await storedText(shared, section)).toBe(onA.fragment.toString());
  });

  it("logs and drops malformed messages from Redis, and keeps relaying", async () => {
    const { a, b, prefix } = await startPair();
    const section = "p1-access";
    const onA = connect(a, section);
    const onB = connect(b, section);
    await Promise.all([onA.synced, onB.synced]);
    type(onA, "first");
    await waitFor(() => onB.fragment.toString().includes("first"), "B's client to get 'first'");

    const raw = new Redis(REDIS_URL);
    cleanups.push(async () => {
      await raw.quit();
    });
    const sectionChannel = `${prefix}section:${section}`;
    const intruder = (message: RelayMessage) =>
      Buffer.from(encodeRelayFrame({ instance: "intruder", message }));
    // Not a frame; a frame on the wrong channel; a frame whose Yjs update is garbage; presence
    // that does not decode; an event whose JSON is cut.
    await raw.publish(sectionChannel, Buffer.from([1, 200, 3]));
    await raw.publish(sectionChannel, intruder({ kind: "event", name: "comment", data: {} }));
    await raw.publish(
      sectionChannel,
      intruder({ kind: "update", section, seq: 999, update: new Uint8Array([0, 5, 255, 1]) }),
    );
    await raw.publish(
      sectionChannel,
      intruder({ kind: "awareness", section, update: new Uint8Array([3, 1]) }),
    );
    const event = intruder({ kind: "event", name: "comment", data: { x: 1 } });
    await raw.publish(`${prefix}events`, event.subarray(0, event.length - 1));

    type(onA, "second");
    await waitFor(() => onB.fragment.toString().includes("second"), "B's client to get 'second'");
    expect(onB.fragment.toString()).toBe(onA.fragment.toString());
    expect(onB.provider.wsconnected).toBe(true);
    expect(b.relay.dropped).toBe(3);
    const said = b.logger.lines.join("\n");
    expect(said).toMatch(/relay: dropped a message on .*section:p1-access: Malformed relay frame/);
    expect(said).toMatch(/section:p1-access: event frame on the wrong channel/);
    expect(said).toMatch(/relay: p1-access: dropped an update that does not decode/);
    expect(said).toMatch(/relay: p1-access: dropped a malformed presence update/);
    expect(said).toMatch(/relay: dropped a message on .*events: Malformed relay frame/);
  });
});
