import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { documentStoreContract, rebuild, textUpdates } from "./documentStoreContract";
import { MIGRATIONS, migrate } from "./migrations";
import { DATABASE_FILE, SqliteStore, type SqliteStoreOptions } from "./SqliteStore";

const opened: SqliteStore[] = [];
function openStore(
  dir = mkdtempSync(join(tmpdir(), "rapporteur-store-")),
  options: SqliteStoreOptions = {},
) {
  const store = SqliteStore.open(dir, options);
  opened.push(store);
  return { store, dir };
}
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

const dirs = new WeakMap<SqliteStore, string>();
// As the CLI opens it, and as the server does (appends from the worker thread).
for (const [label, options] of [
  ["SqliteStore", {}],
  ["SqliteStore appending from a worker thread", { appendInWorker: true }],
] as const) {
  documentStoreContract<SqliteStore>(label, {
    async create() {
      const dir = mkdtempSync(join(tmpdir(), "rapporteur-store-"));
      const store = SqliteStore.open(dir, options);
      dirs.set(store, dir);
      return store;
    },
    async reopen(store) {
      const dir = dirs.get(store) as string;
      const again = SqliteStore.open(dir, options);
      dirs.set(again, dir);
      return again;
    },
    history: (store) => store.history,
  });
}

describe("SqliteStore", () => {
  it("creates the database in WAL mode with durable commits", () => {
    const { store } = openStore();
    expect(store.database.pragma("journal_mode", { simple: true })).toBe("wal");
    // FULL = 2: every commit is fsynced (see the class documentation).
    expect(store.database.pragma("synchronous", { simple: true })).toBe(2);
    expect(store.database.pragma("user_version", { simple: true })).toBe(
      MIGRATIONS.at(-1)?.version,
    );
  });

  it("refuses the database connection once closed", async () => {
    const { store } = openStore();
    await store.close();
    expect(() => store.database).toThrow(/closed/);
    expect(() => store.history).toThrow(/closed/);
  });

  it("refuses a database written by a newer version", async () => {
    const { store, dir } = openStore();
    await store.close();
    const db = new Database(join(dir, DATABASE_FILE));
    db.pragma("user_version = 999");
    db.close();
    expect(() => SqliteStore.open(dir)).toThrow(/newer than this Rapporteur/);
  });

  it("applies only the migrations the database has not had", () => {
    const db = new Database(":memory:");
    const applied: number[] = [];
    const migrations = [1, 2, 3].map((version) => ({
      version,
      description: `m${version}`,
      up: () => applied.push(version),
    }));
    migrate(db, migrations.slice(0, 2));
    migrate(db, migrations);
    expect(applied).toEqual([1, 2, 3]);
    expect(db.pragma("user_version", { simple: true })).toBe(3);
    db.close();
  });

  describe("appending from a worker thread (the server's store)", () => {
    it("stores every document's concurrent appends in order, with the history metadata", async () => {
      const { store, dir } = openStore(undefined, { appendInWorker: true });
      const all = textUpdates(["one ", "two ", "three", " four"]);
      const a = { updates: all.updates.slice(0, 3), expected: "one two three" };
      const b = textUpdates(["alpha ", "beta"]);
      // Issued together: they share commits, each document keeps its order.
      const seqs = await Promise.all([
        ...a.updates.map((u, i) =>
          store.append("a", u, { userIds: [2, 1, 2], at: 1000 + i, kind: "edit" }),
        ),
        ...b.updates.map((u) => store.append("b", u)),
      ]);
      expect(seqs).toEqual([1, 2, 3, 1, 2]);
      // Visible to the store's own connection once resolved.
      expect(rebuild((await store.load("a")).updates)).toBe(a.expected);
      expect(rebuild((await store.load("b")).updates)).toBe(b.expected);
      const rows = store.database
        .prepare(
          "SELECT seq, user_ids, at, kind FROM document_updates WHERE doc = 'a' ORDER BY seq",
        )
        .all();
      expect(rows).toEqual([
        { seq: 1, user_ids: "1,2", at: 1000, kind: "edit" },
        { seq: 2, user_ids: "1,2", at: 1001, kind: "edit" },
        { seq: 3, user_ids: "1,2", at: 1002, kind: "edit" },
      ]);
      // A compaction on the store's connection and appends from the worker interleave safely.
      await store.compact("a", Y.encodeStateAsUpdate(docOf(a.updates)), 3);
      expect(await store.append("a", all.updates[3] as Uint8Array)).toBe(4);
      await store.close();
      const { store: again } = openStore(dir);
      expect(rebuild((await again.load("a")).updates)).toBe(all.expected);
      expect((await again.load("b")).lastSeq).toBe(2);
    });

    it("finishes the appends in progress before closing, then refuses new ones", async () => {
      const { store, dir } = openStore(undefined, { appendInWorker: true });
      const { updates, expected } = textUpdates(["a", "b", "c", "d"]);
      const appended = updates.map((u) => store.append("s", u));
      await store.close();
      expect(await Promise.all(appended)).toEqual([1, 2, 3, 4]);
      await expect(store.append("s", updates[0] as Uint8Array)).rejects.toThrow(/closed/);
      const { store: again } = openStore(dir);
      expect(rebuild((await again.load("s")).updates)).toBe(expected);
    });
  });
});

function docOf(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc;
}
