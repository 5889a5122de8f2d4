import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { SqliteStore } from "@rapporteur/storage";
import * as Y from "yjs";
import type { Benchmark, BenchResult } from "./benchmark";
import { count, mib, ms, ratio } from "./format";
import type { LoadScenario } from "./loadScenario";
import { type LoadRun, runLoadGenerator } from "./runLoadGenerator";
import { signInBenchUsers } from "./signInBenchUsers";
import { type ServerKind, startBenchServer } from "./startBenchServer";

const ROOMS = ["p2-overview", "p2-technology", "p2-equality", "p2-governance"];
const STORE_SOURCE = fileURLToPath(
  new URL("../../packages/storage/src/SqliteStore.ts", import.meta.url),
);
const SYNCHRONOUS_LEVELS = ["OFF", "NORMAL", "FULL", "EXTRA"];
/** Updates per second per writer: under our server's limit of 200 messages per second a client. */
const FLOOD_RATE = 150;

interface Sizes {
  sections: number;
  writersPerSection: number;
  window: number;
  warmupMs: number;
  measureMs: number;
  storeMs: number;
}

const FULL: Sizes = {
  sections: 4,
  writersPerSection: 15,
  window: 8,
  warmupMs: 1000,
  measureMs: 8000,
  storeMs: 3000,
};
const SMOKE: Sizes = {
  sections: 1,
  writersPerSection: 2,
  window: 4,
  warmupMs: 200,
  measureMs: 800,
  storeMs: 300,
};

/** Small, real Yjs updates: one typed character each, as an editor sends them. */
function keystrokeUpdates(total: number): Uint8Array[] {
  const doc = new Y.Doc();
  const text = doc.getXmlFragment("default");
  const paragraph = new Y.XmlElement("paragraph");
  const content = new Y.XmlText();
  paragraph.insert(0, [content]);
  text.insert(0, [paragraph]);
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < total; i++) content.insert(content.length, "abcdefghij"[i % 10] as string);
  return updates;
}

interface StoreFigures {
  perSecond: number;
  meanMs: number;
  synchronous: string;
  journalMode: string;
}

/** Sequential `append`s of one-character updates for `durationMs`, straight on a SqliteStore. */
async function storeThroughput(durationMs: number, synchronous?: string): Promise<StoreFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), "rapporteur-bench-store-"));
  const store = SqliteStore.open(dataDir);
  try {
    if (synchronous) store.database.pragma(`synchronous = ${synchronous}`);
    const level = Number(store.database.pragma("synchronous", { simple: true }));
    const journalMode = String(store.database.pragma("journal_mode", { simple: true }));
    const updates = keystrokeUpdates(20_000);
    let appended = 0;
    const start = performance.now();
    let now = start;
    while (now - start < durationMs && appended < updates.length) {
      await store.append("p2-overview", updates[appended] as Uint8Array);
      appended++;
      if (appended % 16 === 0) now = performance.now();
    }
    const elapsed = performance.now() - start;
    return {
      perSecond: appended / (elapsed / 1000),
      meanMs: elapsed / appended,
      synchronous: SYNCHRONOUS_LEVELS[level] ?? String(level),
      journalMode: journalMode.toUpperCase(),
    };
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The store's own explanation of its `synchronous` level (its JSDoc "Durability:" paragraph). */
function synchronousRationale(): string {
  try {
    const source = readFileSync(STORE_SOURCE, "utf8");
    const match = source.match(/Durability:([\s\S]*?)\n\s*\*\s*\n/);
    if (!match?.[1]) return "see packages/storage/src/SqliteStore.ts";
    return match[1]
      .replace(/\n\s*\*\s?/g, " ")
      .replace(/\s+/g, " ")
      .trim();
  } catch {
    return "see packages/storage/src/SqliteStore.ts";
  }
}

async function flood(kind: ServerKind, sizes: Sizes): Promise<LoadRun> {
  const server = await startBenchServer(kind);
  try {
    const sessions = await signInBenchUsers(server, sizes.sections * (sizes.writersPerSection + 1));
    const scenario: LoadScenario = {
      mode: "flood",
      url: server.url,
      sessions,
      sections: ROOMS.slice(0, sizes.sections).map((room) => ({
        room,
        clients: sizes.writersPerSection,
        writers: sizes.writersPerSection,
        seedWords: 0,
      })),
      typingCps: 0,
      pasteEveryMs: 0,
      pasteChars: 0,
      window: sizes.window,
      floodRate: FLOOD_RATE,
      warmupMs: sizes.warmupMs,
      measureMs: sizes.measureMs,
      drainMs: 10_000,
    };
    return await runLoadGenerator(server.pid, scenario);
  } finally {
    await server.stop();
  }
}

/** Sustained durable updates per second, through the server and straight on the store. */
export const durableWrites: Benchmark = {
  name: "durableWrites",
  title: "Durable writes (write-before-broadcast on SQLite)",
  async run({ smoke, log }): Promise<BenchResult> {
    const sizes = smoke ? SMOKE : FULL;
    log("durableWrites: SqliteStore directly");
    const store = await storeThroughput(sizes.storeMs);
    const storeNormal = await storeThroughput(sizes.storeMs, "NORMAL");
    log("durableWrites: flood through our server");
    const ours = await flood("rapporteur", sizes);
    log("durableWrites: flood through the reference server (in memory)");
    const reference = await flood("reference", sizes);

    const figures: Record<string, number> = {
      "store.appendsPerSecond": store.perSecond,
      "store.meanMs": store.meanMs,
      "storeNormal.appendsPerSecond": storeNormal.perSecond,
      "storeNormal.meanMs": storeNormal.meanMs,
    };
    const rows: string[][] = [
      [
        `SqliteStore.append, synchronous=${store.synchronous} (as shipped)`,
        count(store.perSecond),
        ms(store.meanMs),
        "",
        "",
        "",
        "",
        "",
      ],
      [
        "SqliteStore.append, synchronous=NORMAL (for comparison)",
        count(storeNormal.perSecond),
        ms(storeNormal.meanMs),
        "",
        "",
        "",
        "",
        "",
      ],
    ];
    let dropped = 0;
    const notes: string[] = [];
    for (const [kind, run] of [
      ["rapporteur", ours],
      ["reference", reference],
    ] as const) {
      const latency = run.groups[0]?.summary;
      figures[`${kind}.updatesPerSecond`] = run.throughput;
      figures[`${kind}.p50`] = latency?.p50 ?? Number.NaN;
      figures[`${kind}.p99`] = latency?.p99 ?? Number.NaN;
      figures[`${kind}.serverCpu`] = run.serverCpu;
      figures[`${kind}.dropped`] = run.dropped;
      dropped += run.dropped + run.diverged + run.closes.length;
      if (run.closes.length)
        notes.push(`${kind}: connections closed by the server: ${run.closes.join("; ")}`);
      rows.push([
        kind === "rapporteur"
          ? "our server: validate, append to SQLite, then broadcast"
          : "reference @y/websocket-server (in memory, no durability)",
        count(run.throughput),
        "",
        ms(latency?.p50 ?? Number.NaN),
        ms(latency?.p99 ?? Number.NaN),
        `${(run.serverCpu * 100).toFixed(0)}%`,
        mib(run.serverPeakRss),
        `${(run.generatorCpu * 100).toFixed(0)}%`,
      ]);
    }
    figures["ratio.throughput"] = ours.throughput / reference.throughput;
    notes.push(
      `Store: \`journal_mode=${store.journalMode}\`, \`synchronous=${store.synchronous}\`. Why ` +
        `(from SqliteStore's JSDoc): ${synchronousRationale()}`,
      `Direct figure: sequential \`await store.append(section, update)\` of one-character Yjs updates ` +
        `(one transaction and, with FULL, one fsync each) for ${sizes.storeMs / 1000} s on the ` +
        `data directory's file system (${tmpdir()}); FULL costs ${ratio(storeNormal.perSecond / store.perSecond)} ` +
        "the time of NORMAL per append.",
      `Through the server: ${sizes.sections} section(s) x ${sizes.writersPerSection} writers, each ` +
        `sending one-character updates with at most ${sizes.window} not yet broadcast and at most ` +
        `${FLOOD_RATE} per second (our server closes a client above 200 messages per second), so ` +
        `${count(sizes.sections * sizes.writersPerSection * FLOOD_RATE)} updates/s offered; one observer ` +
        "client per section counts what the server broadcasts (for our server, only what is stored). " +
        `${sizes.measureMs / 1000} s measured. Latency: send to observer's apply. Our server reaches ` +
        `${ratio(figures["ratio.throughput"] as number)} the in-memory reference's rate. Our server ` +
        "merges the updates that arrive in one tick into one append and one broadcast; the " +
        "reference sends every update to every client on its own, so with it the clients (the " +
        "load generator, one process) do more work per update: where the load generator's CPU is " +
        "near 100%, that figure is a lower bound of what the server could take.",
    );
    return {
      name: "durableWrites",
      title: this.title,
      tables: [
        {
          title: "Durable writes: sustained updates per second",
          columns: [
            "path",
            "updates/s",
            "ms per append",
            "broadcast p50 ms",
            "broadcast p99 ms",
            "server CPU",
            "peak RSS MiB",
            "load generator CPU",
          ],
          rows,
        },
      ],
      figures,
      targets: [],
      dropped,
      notes,
    };
  },
};
