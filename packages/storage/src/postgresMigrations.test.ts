import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { PostgresStore } from "./PostgresStore";
import { migratePostgres, POSTGRES_MIGRATIONS, type PostgresMigration } from "./postgresMigrations";
import { createTestDatabase, type TestDatabase } from "./testing/createTestDatabase";

const databases: TestDatabase[] = [];
const pools: pg.Pool[] = [];
afterAll(async () => {
  for (const pool of pools.splice(0)) await pool.end();
  for (const database of databases.splice(0)) await database.drop();
});

async function newPool(): Promise<pg.Pool> {
  const database = await createTestDatabase();
  databases.push(database);
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  pools.push(pool);
  return pool;
}

async function appliedVersions(pool: pg.Pool): Promise<number[]> {
  const { rows } = await pool.query<{ version: number }>(
    "SELECT version FROM schema_migrations ORDER BY version",
  );
  return rows.map((row) => row.version);
}

function tableMigrations(count: number): PostgresMigration[] {
  return Array.from({ length: count }, (_, i) => ({
    version: i + 1,
    description: `t${i + 1}`,
    sql: `CREATE TABLE t${i + 1} (id integer PRIMARY KEY)`,
  }));
}

describe("PostgreSQL migrations", () => {
  it("let two server processes start together on a new database: each step applied once", async () => {
    const database = await createTestDatabase();
    databases.push(database);
    const stores = await Promise.all([
      PostgresStore.open(database.url),
      PostgresStore.open(database.url),
      PostgresStore.open(database.url),
    ]);
    try {
      const { rows } = await stores[0]!.pool.query<{ version: number }>(
        "SELECT version FROM schema_migrations ORDER BY version",
      );
      expect(rows.map((r) => r.version)).toEqual(POSTGRES_MIGRATIONS.map((m) => m.version));
      // Each store works on the shared schema.
      const seqs = await Promise.all(stores.map((s) => s.append("a", new Uint8Array([0, 0]))));
      expect([...seqs].sort()).toEqual([1, 2, 3]);
    } finally {
      for (const store of stores) await store.close();
    }
  });

  it("apply only the steps the database has not had, in order", async () => {
    const pool = await newPool();
    expect(await migratePostgres(pool, tableMigrations(2))).toEqual([1, 2]);
    expect(await migratePostgres(pool, tableMigrations(2))).toEqual([]);
    expect(await migratePostgres(pool, tableMigrations(3))).toEqual([3]);
    expect(await appliedVersions(pool)).toEqual([1, 2, 3]);
  });

  it("roll back a failing step entirely and apply it once fixed", async () => {
    const pool = await newPool();
    const broken: PostgresMigration[] = [
      ...tableMigrations(1),
      { version: 2, description: "broken", sql: "CREATE TABLE t2 (id integer); SELECT nonsense" },
    ];
    await expect(migratePostgres(pool, broken)).rejects.toThrow(/nonsense/);
    expect(await appliedVersions(pool)).toEqual([1]);
    const { rows } = await pool.query("SELECT to_regclass('t2') AS t");
    expect(rows[0]).toEqual({ t: null });
    expect(await migratePostgres(pool, tableMigrations(2))).toEqual([2]);
  });

  it("refuse a database migrated by a newer Rapporteur", async () => {
    const pool = await newPool();
    await migratePostgres(pool, tableMigrations(3));
    await expect(migratePostgres(pool, tableMigrations(2))).rejects.toThrow(
      /newer than this Rapporteur/,
    );
    // The lock was released: a later start is not blocked.
    expect(await migratePostgres(pool, tableMigrations(3))).toEqual([]);
  });

  it("number the shipped steps in increasing order", () => {
    const versions = POSTGRES_MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });
});
