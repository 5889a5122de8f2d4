import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DocumentStore, PostgresStore, SqliteStore } from "@rapporteur/storage";
import { createTestDatabase } from "@rapporteur/storage/testing";
import * as Y from "yjs";
import type { Benchmark, BenchResult } from "./benchmark";
import { count, ms, ratio } from "./format";
import { summarize } from "./stats";

interface Sizes {
  /** How long each case appends. */
  caseMs: number;
  /** Concurrent writers in the batched cases, one document each (sections being edited at once). */
  writers: number;
}

const FULL: Sizes = { caseMs: 3000, writers: 32 };
const SMOKE: Sizes = { caseMs: 250, writers: 4 };
/** Distinct one-character updates per writer, appended in a cycle (Yjs ignores repeats). */
const UPDATES_PER_WRITER = 500;

/** One-character Yjs updates typed into a paragraph, as an editor sends them. */
function keystrokeUpdates(total: number): Uint8Array[] {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement("paragraph");
  const content = new Y.XmlText();
  paragraph.insert(0, [content]);
  doc.getXmlFragment("default").insert(0, [paragraph]);
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < total; i++) content.insert(content.length, "abcdefghij"[i % 10] as string);
  return updates;
}

interface CaseFigures {
  perSecond: number;
  meanMs: number;
  p99Ms: number;
  appended: number;
  /** Appends whose row is missing after the case (0 expected). */
  dropped: number;
}

/**
 * `writers` loops, each appending to its own document and awaiting each append before the next,
 * for `durationMs`. Latency: from the call to the promise's resolution (the commit).
 */
async function appendFor(
  store: DocumentStore,
  docs: string[],
  durationMs: number,
): Promise<CaseFigures> {
  const latencies: number[] = [];
  const appendedPerDoc = new Map<string, number>();
  const start = performance.now();
  const deadline = start + durationMs;
  await Promise.all(
    docs.map(async (doc) => {
      const updates = keystrokeUpdates(UPDATES_PER_WRITER);
      let n = 0;
      while (performance.now() < deadline) {
        const before = performance.now();
        await store.append(doc, updates[n % updates.length] as Uint8Array);
        latencies.push(performance.now() - before);
        n++;
      }
      appendedPerDoc.set(doc, n);
    }),
  );
  const elapsed = performance.now() - start;
  let dropped = 0;
  for (const [doc, n] of appendedPerDoc) {
    const stored = await store.load(doc);
    dropped += Math.abs(n - stored.updates.length);
  }
  const summary = summarize(latencies);
  return {
    perSecond: latencies.length / (elapsed / 1000),
    meanMs: summary.mean,
    p99Ms: summary.p99,
    appended: latencies.length,
    dropped,
  };
}

/** Transactions that wrote the rows of documents named `prefix-*` (rows of one share its xmin). */
async function commits(store: PostgresStore, prefix: string): Promise<number> {
  const { rows } = await store.pool.query<{ n: number }>(
    "SELECT count(DISTINCT xmin::text)::int AS n FROM document_updates WHERE doc LIKE $1",
    [`${prefix}-%`],
  );
  return rows[0]?.n ?? 0;
}

function names(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
}

/** Durable appends per second on PostgreSQL, one by one and group-committed, beside SQLite. */
export const postgresWrites: Benchmark = {
  name: "postgresWrites",
  title: "Durable writes on PostgreSQL (group commit) beside SQLite",
  async run({ smoke, log }): Promise<BenchResult> {
    const sizes = smoke ? SMOKE : FULL;
    const rows: string[][] = [];
    const figures: Record<string, number> = {};
    let dropped = 0;
    const record = (key: string, label: string, f: CaseFigures, perCommit?: number) => {
      figures[`${key}.appendsPerSecond`] = f.perSecond;
      figures[`${key}.meanMs`] = f.meanMs;
      figures[`${key}.p99Ms`] = f.p99Ms;
      figures[`${key}.dropped`] = f.dropped;
      if (perCommit !== undefined) figures[`${key}.appendsPerCommit`] = perCommit;
      dropped += f.dropped;
      rows.push([
        label,
        count(f.perSecond),
        ms(f.meanMs),
        ms(f.p99Ms),
        perCommit === undefined ? "1" : perCommit.toFixed(1),
      ]);
    };

    log("postgresWrites: SqliteStore");
    const dataDir = mkdtempSync(join(tmpdir(), "rapporteur-bench-pgw-"));
    const sqlite = SqliteStore.open(dataDir);
    try {
      record(
        "sqlite.sequential",
        "SqliteStore (synchronous=FULL), 1 writer",
        await appendFor(sqlite, ["sqlite-seq"], sizes.caseMs),
      );
      record(
        "sqlite.concurrent",
        `SqliteStore (synchronous=FULL), ${sizes.writers} writers`,
        await appendFor(sqlite, names("sqlite-many", sizes.writers), sizes.caseMs),
      );
    } finally {
      await sqlite.close();
      rmSync(dataDir, { recursive: true, force: true });
    }

    log("postgresWrites: PostgresStore");
    const database = await createTestDatabase();
    const batched = await PostgresStore.open(database.url);
    const single = await PostgresStore.open(database.url, { maxBatch: 1 });
    let settings = "";
    try {
      const { rows: pgSettings } = await batched.pool.query<{ name: string; setting: string }>(
        "SELECT name, setting FROM pg_settings WHERE name IN ('synchronous_commit', 'fsync', 'wal_sync_method', 'server_version') ORDER BY name",
      );
      settings = pgSettings.map((s) => `${s.name}=${s.setting}`).join(", ");
      const sequential = await appendFor(batched, ["pg-seq-0"], sizes.caseMs);
      record(
        "postgres.sequential",
        "PostgresStore, 1 writer",
        sequential,
        sequential.appended / (await commits(batched, "pg-seq")),
      );
      const before = await appendFor(single, names("pg-single", sizes.writers), sizes.caseMs);
      record(
        "postgres.oneCommitEach",
        `PostgresStore, ${sizes.writers} writers, one commit per append (maxBatch 1: before)`,
        before,
        before.appended / (await commits(single, "pg-single")),
      );
      const after = await appendFor(batched, names("pg-batched", sizes.writers), sizes.caseMs);
      record(
        "postgres.groupCommit",
        `PostgresStore, ${sizes.writers} writers, group commit (as shipped: after)`,
        after,
        after.appended / (await commits(batched, "pg-batched")),
      );
      figures["ratio.groupCommit"] = after.perSecond / before.perSecond;
      figures["ratio.postgresToSqlite"] =
        after.perSecond / (figures["sqlite.concurrent.appendsPerSecond"] as number);
    } finally {
      await batched.close();
      await single.close();
      await database.drop();
    }

    return {
      name: "postgresWrites",
      title: this.title,
      tables: [
        {
          title: "Durable appends of one-character Yjs updates, per second",
          columns: [
            "store and writers",
            "appends/s",
            "mean ms per append",
            "p99 ms",
            "appends per commit",
          ],
          rows,
        },
      ],
      figures,
      targets: [],
      dropped,
      notes: [
        `Each writer appends to its own document (a section) and awaits each append before the ` +
          `next, for ${sizes.caseMs / 1000} s per case; "ms per append" is from the call to the ` +
          "resolved promise, i.e. to the durable commit.",
        `PostgreSQL: ${settings}; on this machine, over TCP on 127.0.0.1, in a database made for ` +
          "the run and dropped after. Group commit: the appends that arrive while a transaction " +
          "commits are committed together in the next one (one WAL flush); 'appends per commit' " +
          "counts the transactions that wrote the rows (their xmin). Group commit reaches " +
          `${ratio(figures["ratio.groupCommit"] as number)} the rate of one commit per append, and ` +
          `${ratio(figures["ratio.postgresToSqlite"] as number)} SQLite's with the same writers.`,
        `SQLite: synchronous=FULL in WAL mode (as shipped), in ${tmpdir()}; better-sqlite3 is ` +
          "synchronous, so concurrent writers still commit one append at a time, each on the " +
          "event loop.",
      ],
    };
  },
};
