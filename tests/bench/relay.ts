import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteStore } from "@rapporteur/storage";
import * as Y from "yjs";
import { silentLogger } from "../../apps/server/src/Logger";
import { RedisRelay } from "../../apps/server/src/relay/RedisRelay";
import { startTestServer, type TestServer } from "../../apps/server/src/testing/startTestServer";
import { type CollabClient, connectCollabClient, waitFor } from "../support/collabClient";
import type { Benchmark, BenchResult } from "./benchmark";
import { count, ms } from "./format";
import { summarize } from "./stats";

const REDIS_URL = "redis://127.0.0.1:6379";
const SECTION = "p2-technology";

interface Sizes {
  /** Edits typed one after another, each awaited on both readers (latency). */
  sequential: number;
  /** Edits typed at once (how long until the other instance's reader has all of them). */
  burst: number;
}

const FULL: Sizes = { sequential: 300, burst: 500 };
const SMOKE: Sizes = { sequential: 10, burst: 50 };

function type(client: CollabClient, text: string): void {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  client.fragment.insert(client.fragment.length, [paragraph]);
}

/** Whether `client` has received the paragraph `marker` (the last one typed, so: at the end). */
function hasLast(client: CollabClient, marker: string): boolean {
  const last = client.fragment.get(client.fragment.length - 1);
  return last instanceof Y.XmlElement && last.toString().includes(marker);
}

/** Resolves with the time `client` applies the update that brings `marker` (checked per update). */
function whenLast(client: CollabClient, marker: string, timeoutMs = 15_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!hasLast(client, marker)) return;
      const at = performance.now();
      client.doc.off("update", check);
      clearTimeout(timer);
      resolve(at);
    };
    const timer = setTimeout(() => {
      client.doc.off("update", check);
      reject(new Error(`Timed out waiting for ${marker}`));
    }, timeoutMs);
    client.doc.on("update", check);
  });
}

/**
 * The relay between two server instances (one process, one SqliteStore, one RedisRelay each, a
 * local Redis): how much later a client on the other instance sees an edit than a client on the
 * same instance.
 */
export const relayBenchmark: Benchmark = {
  name: "relay",
  title: "Relay between two server instances (Redis pub/sub)",
  async run({ smoke, log }): Promise<BenchResult> {
    const sizes = smoke ? SMOKE : FULL;
    const prefix = `rapporteur-bench-${randomUUID()}:`;
    const shared = SqliteStore.open(mkdtempSync(join(tmpdir(), "rapporteur-bench-relay-")));
    const relays: RedisRelay[] = [];
    const servers: TestServer[] = [];
    const clients: CollabClient[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        const relay = await RedisRelay.connect({
          url: REDIS_URL,
          channelPrefix: prefix,
          logger: silentLogger,
        });
        relays.push(relay);
        servers.push(await startTestServer({ store: shared, database: shared.database, relay }));
      }
      const [a, b] = servers as [TestServer, TestServer];
      const open = (server: TestServer) => {
        const client = connectCollabClient(server.url, SECTION, { cookie: server.cookies.editor });
        clients.push(client);
        return client;
      };
      const writer = open(a);
      const sameInstance = open(a);
      const otherInstance = open(b);
      await Promise.all(clients.map((c) => c.synced));

      log(`relay: ${sizes.sequential} sequential edits`);
      const same: number[] = [];
      const other: number[] = [];
      for (let i = 0; i < sizes.sequential; i++) {
        const marker = `seq-${i}-`;
        const arrivals = Promise.all([
          whenLast(sameInstance, marker),
          whenLast(otherInstance, marker),
        ]);
        const start = performance.now();
        type(writer, marker);
        const [sameAt, otherAt] = await arrivals;
        same.push(sameAt - start);
        other.push(otherAt - start);
      }

      log(`relay: burst of ${sizes.burst} edits`);
      const burstStart = performance.now();
      for (let i = 0; i < sizes.burst; i++) type(writer, `burst-${i}-`);
      const last = `burst-${sizes.burst - 1}-`;
      await waitFor(() => hasLast(otherInstance, last), "the burst on the other instance", 120_000);
      const burstMs = performance.now() - burstStart;
      const dropped =
        otherInstance.fragment.toString() === writer.fragment.toString() &&
        sameInstance.fragment.toString() === writer.fragment.toString()
          ? 0
          : 1;

      const sameSummary = summarize(same);
      const otherSummary = summarize(other);
      return {
        name: "relay",
        title: this.title,
        tables: [
          {
            title: "Edit to a reader's document: same instance vs. the other instance",
            columns: ["reader", "edits", "p50 ms", "p95 ms", "p99 ms", "max ms"],
            rows: [
              ["same instance (stored, broadcast)", count(same.length), ...row(sameSummary)],
              [
                "other instance (stored, broadcast, published, applied, broadcast)",
                count(other.length),
                ...row(otherSummary),
              ],
            ],
          },
          {
            title: "Burst: edits typed at once until the other instance's reader has them all",
            columns: ["edits", "ms", "edits/s"],
            rows: [[count(sizes.burst), ms(burstMs), count((sizes.burst / burstMs) * 1000)]],
          },
        ],
        figures: {
          "same.p50": sameSummary.p50,
          "same.p99": sameSummary.p99,
          "other.p50": otherSummary.p50,
          "other.p99": otherSummary.p99,
          "burst.ms": burstMs,
          "burst.perSecond": (sizes.burst / burstMs) * 1000,
        },
        targets: [],
        dropped,
        notes: [
          "Two createRapporteurServer instances in one process on one SqliteStore, each with its " +
            `own RedisRelay to the Redis at ${REDIS_URL}; a writer and a reader on instance A, a ` +
            "reader on instance B, all y-websocket clients in the same process. Latency: from the " +
            "writer's edit until a reader's document has applied it, edits one after another. Burst: " +
            "all edits typed in one go (y-websocket sends each; kept under the server's burst of " +
            "1000 messages per connection, beyond which the writer is closed with 4429), until " +
            "B's reader has the last " +
            "(waited for with a 20 ms poll). Everything shares one event loop: the figures " +
            "include both servers' and the clients' work.",
        ],
      };
    } finally {
      for (const client of clients) client.destroy();
      for (const server of servers) await server.server.close();
      for (const relay of relays) await relay.close();
      await shared.close();
    }
  },
};

function row(summary: ReturnType<typeof summarize>): string[] {
  return [ms(summary.p50), ms(summary.p95), ms(summary.p99), ms(summary.max)];
}
