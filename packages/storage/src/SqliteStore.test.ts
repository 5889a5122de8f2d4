import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { documentStoreContract } from "./documentStoreContract";
import { MIGRATIONS, migrate } from "./migrations";
import { DATABASE_FILE, SqliteStore } from "./SqliteStore";

const opened: SqliteStore[] = [];
function openStore(dir = mkdtempSync(join(tmpdir(), "rapporteur-store-"))) {
  const store = SqliteStore.open(dir);
  opened.push(store);
  return { store, dir };
}
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

const dirs = new WeakMap<SqliteStore, string>();
documentStoreContract<SqliteStore>("SqliteStore", {
  async create() {
    const dir = mkdtempSync(join(tmpdir(), "rapporteur-store-"));
    const store = SqliteStore.open(dir);
    dirs.set(store, dir);
    return store;
  },
  async reopen(store) {
    const dir = dirs.get(store) as string;
    const again = SqliteStore.open(dir);
    dirs.set(again, dir);
    return again;
  },
  history: (store) => store.history,
});

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
});
