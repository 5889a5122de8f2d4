import type pg from "pg";

/** One step of the PostgreSQL schema; applied once, in its own transaction, in version order. */
export interface PostgresMigration {
  version: number;
  description: string;
  /** SQL run inside the migration's transaction. */
  sql: string;
}

/**
 * Key of the session advisory lock that migrations run under, so that two server processes
 * starting together against one database apply each migration once ("rapport" in ASCII).
 */
export const MIGRATION_LOCK_KEY = 0x7261_7070_6f72_74n;

/**
 * The PostgreSQL schema, step by step. Numbered on their own (PostgreSQL has only the document
 * tables so far; the other features are still on SQLite, `migrations.ts`). Never edit a released
 * step: add one. Columns mirror SQLite's (storage migrations 1, 7 and 12): times are ms since the
 * epoch (bigint), author ids the comma-separated text of `formatIds`.
 */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 1,
    description:
      "documents: Yjs updates per (doc, seq) with their authors, and history checkpoints",
    sql: `
      CREATE TABLE document_updates (
        doc      text    NOT NULL,
        seq      bigint  NOT NULL,
        data     bytea   NOT NULL,
        user_ids text,
        at       bigint,
        kind     text,
        PRIMARY KEY (doc, seq)
      );
      CREATE TABLE history_points (
        id       bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        doc      text    NOT NULL,
        seq      bigint  NOT NULL,
        from_at  bigint  NOT NULL,
        at       bigint  NOT NULL,
        user_ids text    NOT NULL DEFAULT '',
        kind     text    NOT NULL
          CHECK (kind IN ('edit','import','restore','suggestion','version','outline')),
        added    integer NOT NULL DEFAULT 0,
        removed  integer NOT NULL DEFAULT 0,
        pinned   boolean NOT NULL DEFAULT false,
        label    text,
        state    bytea   NOT NULL
      );
      CREATE INDEX history_points_doc ON history_points (doc, at, id);
    `,
  },
];

/**
 * Brings the database's schema up to date: creates `schema_migrations` (one row per applied
 * version) and applies the missing steps, each in its own transaction, under a session advisory
 * lock ({@link MIGRATION_LOCK_KEY}) so that concurrent starts wait for each other instead of
 * racing. Refuses a database that a newer Rapporteur migrated. Returns the versions applied.
 */
export async function migratePostgres(
  pool: pg.Pool,
  migrations: readonly PostgresMigration[] = POSTGRES_MIGRATIONS,
): Promise<number[]> {
  const client = await pool.connect();
  let released = false;
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY.toString()]);
    try {
      await client.query(`
        CREATE TABLE IF NOT EXISTS schema_migrations (
          version     integer     PRIMARY KEY,
          description text        NOT NULL,
          applied_at  timestamptz NOT NULL DEFAULT now()
        )`);
      const { rows } = await client.query<{ version: number | null }>(
        "SELECT max(version) AS version FROM schema_migrations",
      );
      const current = rows[0]?.version ?? 0;
      const newest = migrations.at(-1)?.version ?? 0;
      if (current > newest) {
        throw new Error(
          `The PostgreSQL database is at schema version ${current}, newer than this Rapporteur (${newest}): upgrade Rapporteur`,
        );
      }
      const applied: number[] = [];
      for (const migration of migrations) {
        if (migration.version <= current) continue;
        await client.query("BEGIN");
        try {
          await client.query(migration.sql);
          await client.query(
            "INSERT INTO schema_migrations (version, description) VALUES ($1, $2)",
            [migration.version, migration.description],
          );
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw error;
        }
        applied.push(migration.version);
      }
      return applied;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY.toString()]);
    }
  } catch (error) {
    // A connection in an unknown state (lock held, transaction open) is not reused.
    client.release(error instanceof Error ? error : true);
    released = true;
    throw error;
  } finally {
    if (!released) client.release();
  }
}
