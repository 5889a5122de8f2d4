// PostgresStore against a real PostgreSQL (RAPPORTEUR_TEST_DATABASE_URL, default the local
// `test` database's server): each store gets a database of its own, dropped at the end. Without
// PostgreSQL these tests fail with createTestDatabase's message; CI starts it (.ci/run).
import { afterAll, afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { documentStoreContract, rebuild, textUpdates } from "./documentStoreContract";
import type { HistoryPointInput } from "./HistoryStore";
import { PostgresStore, type PostgresStoreOptions } from "./PostgresStore";
import { createTestDatabase, type TestDatabase } from "./testing/createTestDatabase";

const databases: TestDatabase[] = [];
const urls = new WeakMap<PostgresStore, string>();
afterAll(async () => {
  for (const database of databases.splice(0)) await database.drop();
});

async function newDatabase(): Promise<string> {
  const database = await createTestDatabase();
  databases.push(database);
  return database.url;
}

async function openAt(url: string, options?: PostgresStoreOptions): Promise<PostgresStore> {
  const store = await PostgresStore.open(url, options);
  urls.set(store, url);
  return store;
}

documentStoreContract<PostgresStore>("PostgresStore", {
  create: async () => openAt(await newDatabase()),
  reopen: (store) => openAt(urls.get(store) as string),
  history: (store) => store.history,
});

function stateOf(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText("t").insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

function textOf(state: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc.getText("t").toString();
}

/** One Yjs update per character typed into the text `name` of a document, by one client. */
function typing(name: string, count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i++) doc.getText(name).insert(i, String(i % 10));
  return updates;
}

function expectedTyping(count: number): string {
  return Array.from({ length: count }, (_, i) => String(i % 10)).join("");
}

describe("PostgresStore", () => {
  const opened: PostgresStore[] = [];
  async function open(url: string, options?: PostgresStoreOptions) {
    const store = await openAt(url, options);
    opened.push(store);
    return store;
  }
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
  });

  it("commits durably: synchronous_commit is on, and a resolved append is visible to another process", async () => {
    const url = await newDatabase();
    const store = await open(url);
    const client = await store.pool.connect();
    try {
      const { rows } = await client.query("SHOW synchronous_commit");
      expect(rows[0]).toEqual({ synchronous_commit: "on" });
    } finally {
      client.release();
    }
    const { updates, expected } = textUpdates(["saved ", "before ", "broadcast"]);
    for (const u of updates) await store.append("a", u);
    const other = await open(url);
    expect(rebuild((await other.load("a")).updates)).toBe(expected);
  });

  it("gives two server processes appending to one document distinct, gap-free sequence numbers", async () => {
    const url = await newDatabase();
    // One instance batches (group commit), the other commits each append alone.
    const first = await open(url);
    const second = await open(url, { maxBatch: 1 });
    const count = 150;
    const fromFirst = typing("first", count);
    const fromSecond = typing("second", count);
    const seqsFirst: Promise<number>[] = [];
    const seqsSecond: Promise<number>[] = [];
    for (let i = 0; i < count; i++) {
      seqsFirst.push(first.append("p2-overview", fromFirst[i]!));
      seqsSecond.push(second.append("p2-overview", fromSecond[i]!));
      // Let both processes' transactions overlap rather than run one after the other.
      if (i % 10 === 9) await new Promise((resolve) => setImmediate(resolve));
    }
    const a = await Promise.all(seqsFirst);
    const b = await Promise.all(seqsSecond);
    // Each instance's appends keep their call order...
    expect(a).toEqual([...a].sort((x, y) => x - y));
    expect(b).toEqual([...b].sort((x, y) => x - y));
    // ...and together they take every number once.
    expect([...a, ...b].sort((x, y) => x - y)).toEqual(
      Array.from({ length: 2 * count }, (_, i) => i + 1),
    );
    const loaded = await first.load("p2-overview");
    expect(loaded.lastSeq).toBe(2 * count);
    const doc = new Y.Doc();
    for (const u of loaded.updates) Y.applyUpdate(doc, u);
    expect(doc.getText("first").toString()).toBe(expectedTyping(count));
    expect(doc.getText("second").toString()).toBe(expectedTyping(count));
  });

  it("loses none of one process's appends while another compacts the document", async () => {
    const url = await newDatabase();
    const writer = await open(url);
    const compactor = await open(url);
    const count = 80;
    const edits = typing("t", count);
    for (const u of edits.slice(0, 40)) await writer.append("a", u);
    const pending = edits.slice(40).map((u) => writer.append("a", u));
    const before = await compactor.load("a");
    await compactor.compact("a", Y.mergeUpdates(before.updates), before.lastSeq);
    await Promise.all(pending);
    const after = await compactor.load("a");
    expect(after.lastSeq).toBe(count);
    expect(rebuild(after.updates)).toBe(expectedTyping(count));
  });

  it("commits the appends that arrive together, for many documents, in one transaction", async () => {
    const url = await newDatabase();
    const batched = await open(url);
    const single = await open(url, { maxBatch: 1 });
    const docs = Array.from({ length: 20 }, (_, i) => `s${i}`);
    await Promise.all(docs.map((doc) => batched.append(`batched-${doc}`, stateOf(doc))));
    await Promise.all(docs.map((doc) => single.append(`single-${doc}`, stateOf(doc))));
    // Rows written by one transaction share its id (xmin).
    const transactions = async (prefix: string) => {
      const { rows } = await batched.pool.query<{ n: number }>(
        "SELECT count(DISTINCT xmin::text)::int AS n FROM document_updates WHERE doc LIKE $1",
        [`${prefix}-%`],
      );
      return rows[0]?.n;
    };
    expect(await transactions("batched")).toBe(1);
    expect(await transactions("single")).toBe(docs.length);
    for (const doc of docs)
      expect(textOf((await batched.load(`batched-${doc}`)).updates[0]!)).toBe(doc);
  });

  it("fails only the append PostgreSQL refuses; the others in its batch are stored", async () => {
    const store = await open(await newDatabase());
    const results = await Promise.allSettled([
      store.append("a", stateOf("kept")),
      // PostgreSQL text cannot hold a NUL character.
      store.append("bad\u0000name", stateOf("refused")),
      store.append("b", stateOf("also kept")),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(textOf((await store.load("a")).updates[0]!)).toBe("kept");
    expect(textOf((await store.load("b")).updates[0]!)).toBe("also kept");
    expect(await store.list()).toEqual(["a", "b"]);
  });
});

describe("PostgresHistory", () => {
  const HOUR = 3_600_000;
  const MINUTE = 60_000;
  function point(at: number, userIds: number[], overrides: Partial<HistoryPointInput> = {}) {
    return {
      seq: at,
      fromAt: at,
      at,
      userIds,
      kind: "edit",
      added: 1,
      removed: 0,
      state: stateOf(`at ${at}`),
      ...overrides,
    } satisfies HistoryPointInput;
  }
  let store: PostgresStore;
  afterEach(async () => {
    await store.close();
  });

  it("stores, finds, pins and reads back checkpoints with their states", async () => {
    store = await openAt(await newDatabase());
    const [first, second] = await store.history.insert("a", [
      point(1_000, [2, 1], { seq: 3, state: stateOf("Access") }),
      point(2_000, [1], { seq: 5, kind: "version", label: "Draft", pinned: true }),
    ]);
    expect((await store.history.points("a")).map((p) => [p.id, p.userIds, p.label])).toEqual([
      [first, [1, 2], null],
      [second, [1], "Draft"],
    ]);
    expect(await store.history.latest("a")).toMatchObject({ id: second, seq: 5 });
    expect(await store.history.find("a", { seq: 3 })).toMatchObject({ id: first });
    // A version marker is not the checkpoint of its sequence number.
    expect(await store.history.find("a", { seq: 5 })).toBeUndefined();
    expect(await store.history.find("b", { id: first! })).toBeUndefined();
    expect(textOf((await store.history.state(first!))!)).toBe("Access");
    expect(await store.history.state(999)).toBeUndefined();
    await store.history.pin(first!);
    expect(await store.history.find("a", { id: first! })).toMatchObject({ pinned: true });
  });

  it("thins like the SQLite history: one per hour per authors, the last hour to the minute, pinned kept", async () => {
    store = await openAt(await newDatabase());
    const now = Date.UTC(2026, 11, 7, 14, 30);
    const lastHour = [5, 6, 7, 20].map((m) => now - m * MINUTE);
    const yesterday = Date.UTC(2026, 11, 6, 10, 0);
    const old = [5, 15, 25, 35].map((m) => yesterday + m * MINUTE);
    await store.history.insert("a", [
      ...old.map((at) => point(at, [1])),
      point(yesterday + 40 * MINUTE, [2]),
      point(yesterday + 45 * MINUTE, [1], { pinned: true }),
      point(yesterday + 50 * MINUTE, [1], { kind: "import" }),
      ...lastHour.map((at) => point(at, [1])),
    ]);
    expect(await store.history.thin("a", now)).toBe(3);
    const points = await store.history.points("a");
    expect(points.find((p) => p.at === old[3])).toMatchObject({ added: 4, fromAt: old[0] });
    expect(points.filter((p) => p.at < now - HOUR)).toHaveLength(4);
    expect(points.filter((p) => p.at >= now - HOUR).map((p) => p.at)).toEqual(
      [...lastHour].sort((a, b) => a - b),
    );
  });
});
