import { randomBytes } from "node:crypto";
import pg from "pg";

/** The PostgreSQL server the tests use unless RAPPORTEUR_TEST_DATABASE_URL names another. */
export const DEFAULT_TEST_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/test";

/** A database of its own for one test file or benchmark run: its URL, and dropping it. */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates an empty database `rapporteur_test_<random>` on the server of
 * RAPPORTEUR_TEST_DATABASE_URL (default {@link DEFAULT_TEST_DATABASE_URL}), connecting to that
 * URL's database to issue CREATE DATABASE. Throws a clear error when PostgreSQL is not reachable:
 * the PostgreSQL tests fail rather than skip (CI starts PostgreSQL, see .ci/run).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const maintenanceUrl = process.env.RAPPORTEUR_TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
  const name = `rapporteur_test_${randomBytes(6).toString("hex")}`;
  await withClient(maintenanceUrl, (client) =>
    client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`),
  );
  const url = new URL(maintenanceUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      await withClient(maintenanceUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`),
      );
    },
  };
}

async function withClient(url: string, work: (client: pg.Client) => Promise<unknown>) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    const reason = error instanceof Error ? error.message || error.name : String(error);
    throw new Error(
      `PostgreSQL is not reachable at ${redact(url)} (${reason}). The PostgreSQL tests need a ` +
        "server: .ci/run starts one; locally start PostgreSQL or set RAPPORTEUR_TEST_DATABASE_URL.",
    );
  }
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}
