import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { replaceYDocContent } from "@rapporteur/schema";
import { SqliteStore } from "@rapporteur/storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { generateSection } from "../bench/generateSection";
import { type CollabClient, connectCollabClient } from "../support/collabClient";
import { mib, rssBytes } from "../support/processMemory";
import { loginAs, type ServerProcess, startServerProcess } from "../support/serverProcess";

// Issue 11: whole-report work ran on the event loop, so exporting a 10 MB section froze the
// server for seconds. While such exports run, health and keystroke fan-out must stay fast.
const BIG_SECTION = "p1-access";
const OTHER_SECTION = "p1-context";
const WORDS = 1_000_000; // ~10 MB of Yjs state, under the 16 MiB per-section limit
const SAMPLE_EVERY_MS = 20;
// The acceptance figure of the issue (the typical figure is a few ms).
const BOUND_MS = 100;

interface Figures {
  samples: number;
  median: number;
  p99: number;
  max: number;
}

function figures(latencies: number[]): Figures {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const round = (value = 0) => Math.round(value * 10) / 10;
  return {
    samples: sorted.length,
    median: round(at(0.5)),
    p99: round(at(0.99)),
    max: round(sorted.at(-1)),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes a generated section into the store, as the server stores a section. */
async function seed(dataDir: string): Promise<number> {
  const ydoc = new Y.Doc();
  replaceYDocContent(ydoc, generateSection(WORDS, 11).doc);
  const state = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  const store = SqliteStore.open(dataDir);
  try {
    await store.append(BIG_SECTION, state);
  } finally {
    await store.close();
  }
  return state.byteLength;
}

/** A paragraph the writer types into; the reader sees each keystroke as one update. */
function typingTarget(client: CollabClient): Y.XmlText {
  const text = new Y.XmlText("typing: ");
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [text]);
  client.fragment.insert(0, [paragraph]);
  return text;
}

/** Milliseconds from a keystroke of `writer` until `reader` received it through the server. */
async function keystroke(text: Y.XmlText, reader: CollabClient): Promise<number> {
  const before = reader.received.length;
  const start = performance.now();
  text.insert(text.length, "k");
  while (reader.received.length === before) {
    if (performance.now() - start > 60_000) throw new Error("A keystroke never arrived");
    await new Promise((resolve) => setImmediate(resolve));
  }
  return performance.now() - start;
}

describe("health and fan-out during exports of a 10 MB section", () => {
  let server: ServerProcess;
  let cookie: string;
  let stateBytes: number;
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "rapporteur-export-load-"));
    stateBytes = await seed(dataDir);
    // No compaction during the run: it re-encodes the whole section on the event loop (a
    // separate cost from exports, not measured here).
    server = await startServerProcess({
      dataDir,
      env: { RAPPORTEUR_COMPACT_EVERY: "1000000" },
    });
    cookie = await loginAs(server.url, "editor");
  }, 120_000);

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
  });

  it(`keeps /api/health and keystroke fan-out under ${BOUND_MS} ms while exports run`, async () => {
    const connect = async (section: string) => {
      const client = connectCollabClient(server.url, section, { cookie });
      clients.push(client);
      await client.synced;
      return client;
    };
    const [bigWriter, bigReader, otherWriter, otherReader] = await Promise.all([
      connect(BIG_SECTION),
      connect(BIG_SECTION),
      connect(OTHER_SECTION),
      connect(OTHER_SECTION),
    ]);
    const bigText = typingTarget(bigWriter);
    const otherText = typingTarget(otherWriter);
    // Settled: both readers have the typing paragraphs before measuring.
    await keystroke(bigText, bigReader);
    await keystroke(otherText, otherReader);

    const pid = server.child.pid as number;
    let peakRss = rssBytes(pid);
    /** Health and fan-out latencies sampled every 20 ms while `during` runs. */
    const sampleDuring = async <T>(during: () => Promise<T>) => {
      const health: number[] = [];
      const fanOutSame: number[] = [];
      const fanOutOther: number[] = [];
      let running = true;
      // Health: one probe every 20 ms, each timed on its own, so a blocked server shows as many
      // slow probes rather than one.
      const probes: Promise<void>[] = [];
      const sampler = setInterval(() => {
        peakRss = Math.max(peakRss, rssBytes(pid));
        const start = performance.now();
        probes.push(
          fetch(`${server.url}/api/health`).then(async (answer) => {
            await answer.arrayBuffer();
            if (answer.status !== 200) throw new Error(`health answered ${answer.status}`);
            health.push(performance.now() - start);
          }),
        );
      }, SAMPLE_EVERY_MS);
      const typing = (async () => {
        while (running) {
          fanOutSame.push(await keystroke(bigText, bigReader));
          fanOutOther.push(await keystroke(otherText, otherReader));
          await sleep(SAMPLE_EVERY_MS);
        }
      })();
      const result = await during();
      running = false;
      clearInterval(sampler);
      await typing;
      await Promise.all(probes);
      return {
        result,
        healthMs: figures(health),
        fanOutSameSectionMs: figures(fanOutSame),
        fanOutOtherSectionMs: figures(fanOutOther),
      };
    };

    const exportOnce = async (query: string) => {
      const start = performance.now();
      const answer = await fetch(`${server.url}/api/export?${query}`, { headers: { cookie } });
      const body = new Uint8Array(await answer.arrayBuffer());
      return {
        query,
        status: answer.status,
        bytes: body.byteLength,
        ms: performance.now() - start,
      };
    };

    // Control: the same typing and probes without an export, for the machine's own latency.
    const control = await sampleDuring(() => sleep(10_000));
    const started = performance.now();
    const during = await sampleDuring(() =>
      Promise.all([
        exportOnce(`format=md&section=${BIG_SECTION}`),
        exportOnce(`format=docx&variant=final&section=${BIG_SECTION}`),
        exportOnce("format=md"),
      ]),
    );
    const exports = during.result;
    const figuresOf = ({ result: _, ...latencies }: typeof control) => latencies;
    const results = {
      sectionStateMiB: mib(stateBytes),
      exports: exports.map((e) => ({ ...e, ms: Math.round(e.ms), MiB: mib(e.bytes) })),
      allExportsMs: Math.round(performance.now() - started),
      duringExports: figuresOf(during),
      control: figuresOf(control),
      serverPeakRssMiB: mib(peakRss),
    };
    console.log(`RELIABILITY: healthDuringExport ${JSON.stringify(results)}`);

    for (const answer of exports) expect(answer, answer.query).toMatchObject({ status: 200 });
    expect(exports[0]?.bytes).toBeGreaterThan(4 * 1024 * 1024);
    // Enough samples over the exports to mean something.
    expect(during.healthMs.samples).toBeGreaterThan(20);
    expect(during.fanOutSameSectionMs.samples).toBeGreaterThan(10);
    // The bound is the 100 ms; on a machine so loaded that the control (no export)
    // already exceeds it, three times the control's p99: an export blocking the event loop
    // adds seconds (7-12 s per export before the worker threads), never a small factor.
    const bound = (key: "healthMs" | "fanOutSameSectionMs" | "fanOutOtherSectionMs") =>
      Math.max(BOUND_MS, 3 * control[key].p99);
    for (const key of ["healthMs", "fanOutSameSectionMs", "fanOutOtherSectionMs"] as const) {
      expect(during[key].p99, `p99 of ${key} during the exports`).toBeLessThan(bound(key));
    }
  }, 600_000);
});
