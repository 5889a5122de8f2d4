// Storage cost and speed of the attributed history (issue 12): bytes stored per 1,000 one-character
// updates with history on and off, and the time to list the history of a section with many updates.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FRAGMENT_NAME, replaceYDocContent } from "@rapporteur/schema";
import { HistoryStore, SqliteStore } from "@rapporteur/storage";
import * as Y from "yjs";
import type { Connection } from "../../apps/server/src/collab/Connection";
import type { Document } from "../../apps/server/src/collab/Document";
import { StorageExtension } from "../../apps/server/src/collab/StorageExtension";
import {
  SectionHistory,
  type SectionHistoryOptions,
} from "../../apps/server/src/history/SectionHistory";
import type { Benchmark, BenchResult } from "./benchmark";
import { count, ms } from "./format";
import { generateSection } from "./generateSection";

const LIST_TARGET_MS = 200;

interface Sizes {
  sectionWords: number;
  keystrokes: number;
  listUpdates: number;
  /** Words of the section that several authors type into at once (the fan-out's main section). */
  togetherWords: number;
}
const FULL: Sizes = {
  sectionWords: 3000,
  keystrokes: 5000,
  listUpdates: 50_000,
  togetherWords: 2000,
};
const SMOKE: Sizes = { sectionWords: 300, keystrokes: 1000, listUpdates: 2000, togetherWords: 200 };
/** Authors typing at once, and the updates between two compactions, in the compaction figure. */
const TOGETHER_AUTHORS = 5;
const COMPACT_EVERY = 500;
/** The fan-out scenario's pace in the main section: 10 writers at 5 characters a second. */
const TOGETHER_MS = 20;
/** Typing speed of the simulated authors: one character every 300 ms. */
const KEYSTROKE_MS = 300;

interface Run {
  bytesPer1000: number;
  listMs: number;
  entries: number;
  checkpoints: number;
}

function databaseBytes(store: SqliteStore): number {
  store.database.pragma("wal_checkpoint(TRUNCATE)");
  const pages = store.database.pragma("page_count", { simple: true }) as number;
  const free = store.database.pragma("freelist_count", { simple: true }) as number;
  const size = store.database.pragma("page_size", { simple: true }) as number;
  return (pages - free) * size;
}

/**
 * Types `keystrokes` characters into a section of `sectionWords` words through the storage
 * extension (as the collaboration server stores them: compaction every 500), two authors taking
 * turns every 200 characters. Returns the bytes stored per 1,000 characters.
 */
async function typeThrough(
  sizes: Sizes,
  keystrokes: number,
  history: boolean,
  fast: boolean,
): Promise<{
  store: SqliteStore;
  dir: string;
  sectionHistory: SectionHistory;
  bytesPer1000: number;
}> {
  const dir = mkdtempSync(join(tmpdir(), "rapporteur-bench-history-"));
  const store = SqliteStore.open(dir);
  // Setting up 50,000 updates with an fsync each would take minutes; durability is not measured.
  if (fast) store.database.pragma("synchronous = OFF");
  const users = [
    { id: 1, displayName: "Amina" },
    { id: 2, displayName: "Pedro" },
  ];
  // Only the display names are read.
  const accounts = {
    get: (id: number) => users.find((u) => u.id === id),
  } as unknown as SectionHistoryOptions["accounts"];
  let clock = Date.UTC(2026, 11, 7, 9, 0);
  const sectionHistory = new SectionHistory({
    history: new HistoryStore(store.database),
    accounts,
    collab: () => {
      throw new Error("no restores in this benchmark");
    },
    now: () => clock,
  });
  const extension = new StorageExtension(store, {
    compactEvery: 500,
    ...(history ? { history: sectionHistory } : {}),
    now: () => clock,
  });
  const ydoc = new Y.Doc();
  const document = { name: "p1-access", ydoc } as unknown as Document;
  const context = { documentName: "p1-access", document };
  await extension.onLoadDocument(context);
  const seed = new Y.Doc();
  replaceYDocContent(seed, generateSection(sizes.sectionWords).doc);
  const initial = Y.encodeStateAsUpdate(seed);
  await extension.onStoreUpdate({ ...context, update: initial, origins: [], serverEdits: [] });
  Y.applyUpdate(ydoc, initial);
  const before = databaseBytes(store);

  const connections = users.map((user) => ({ context: { user } }) as unknown as Connection);
  const paragraph = ydoc.getXmlFragment(FRAGMENT_NAME).get(1) as Y.XmlElement;
  const text = paragraph.get(0) as Y.XmlText;
  for (let i = 0; i < keystrokes; i++) {
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array) => {
      update = u;
    };
    ydoc.once("update", capture);
    // The edit is made on a copy by the client; here it is made and then stored, the same bytes.
    text.insert(0, "abcdefghij"[i % 10] as string);
    clock += KEYSTROKE_MS;
    const origins = [connections[Math.floor(i / 200) % 2] as Connection];
    const context2 = {
      ...context,
      update: update as unknown as Uint8Array,
      origins,
      serverEdits: [],
    };
    await extension.onStoreUpdate(context2);
    await extension.onChange(context2);
  }
  await extension.onUnloadDocument(context);
  const after = databaseBytes(store);
  return { store, dir, sectionHistory, bytesPer1000: ((after - before) / keystrokes) * 1000 };
}

interface CompactionRun {
  checkpoints: number;
  checkpointBytes: number;
  replayMs: number;
  storeMs: number;
}

/**
 * One compaction of {@link COMPACT_EVERY} updates that {@link TOGETHER_AUTHORS} authors typed at
 * once into a section of `sizes.togetherWords` words (single keystrokes, and every seventh update
 * a batch merged from three authors, as the server merges what arrives in one tick), as the
 * storage extension compacts with history on (or off: no replay, no checkpoints): the replay into checkpoints (in the server, the
 * checkpoint worker's work) and the store of the checkpoints with the compacted state in one
 * transaction (the event loop's: compress, insert, fsync), each timed; synchronous = FULL.
 */
async function compactTogether(sizes: Sizes, history: boolean): Promise<CompactionRun> {
  const dir = mkdtempSync(join(tmpdir(), "rapporteur-bench-history-"));
  const store = SqliteStore.open(dir);
  try {
    const users = Array.from({ length: TOGETHER_AUTHORS }, (_, i) => ({
      id: i + 1,
      displayName: `Author ${i + 1}`,
    }));
    // Within the last hour (whose checkpoints are all kept), inside one clock minute.
    let clock = (Math.floor(Date.now() / 60_000) - 1) * 60_000 + 5_000;
    const sectionHistory = new SectionHistory({
      history: new HistoryStore(store.database),
      accounts: {
        get: (id: number) => users.find((u) => u.id === id),
      } as unknown as SectionHistoryOptions["accounts"],
      collab: () => {
        throw new Error("no restores in this benchmark");
      },
      now: () => clock,
    });
    const extension = new StorageExtension(store, {
      compactEvery: Number.MAX_SAFE_INTEGER,
      ...(history ? { history: sectionHistory } : {}),
      now: () => clock,
    });
    const ydoc = new Y.Doc();
    const document = { name: "p1-access", ydoc } as unknown as Document;
    const context = { documentName: "p1-access", document };
    await extension.onLoadDocument(context);
    const seed = new Y.Doc();
    replaceYDocContent(seed, generateSection(sizes.togetherWords).doc);
    const initial = Y.encodeStateAsUpdate(seed);
    await extension.onStoreUpdate({ ...context, update: initial, origins: [], serverEdits: [] });
    Y.applyUpdate(ydoc, initial);
    await extension.onUnloadDocument(context);
    await extension.onLoadDocument(context);
    const { lastSeq: seeded } = await store.load("p1-access");

    const connections = users.map((user) => ({ context: { user } }) as unknown as Connection);
    const paragraph = ydoc.getXmlFragment(FRAGMENT_NAME).get(1) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    for (let i = 0; i < COMPACT_EVERY; i++) {
      const before = Y.encodeStateVector(ydoc);
      text.insert(0, "abcdefghij"[i % 10] as string);
      clock += TOGETHER_MS;
      const origins =
        i % 7 === 6
          ? [0, 2, 4].map((n) => connections[n] as Connection)
          : [connections[i % TOGETHER_AUTHORS] as Connection];
      const update = Y.encodeStateAsUpdate(ydoc, before);
      await extension.onStoreUpdate({ ...context, update, origins, serverEdits: [] });
    }
    const { lastSeq } = await store.load("p1-access");
    const state = Y.encodeStateAsUpdate(ydoc);
    const replayStart = performance.now();
    const checkpoints = history ? await sectionHistory.checkpoints("p1-access", lastSeq) : [];
    const replayMs = performance.now() - replayStart;
    const storeStart = performance.now();
    await store.compact("p1-access", state, lastSeq, checkpoints);
    const storeMs = performance.now() - storeStart;
    const { bytes } = store.database
      .prepare<[number], { bytes: number }>(
        "SELECT SUM(LENGTH(state)) AS bytes FROM history_points WHERE seq > ?",
      )
      .get(seeded) as { bytes: number };
    return { checkpoints: checkpoints.length, checkpointBytes: bytes ?? 0, replayMs, storeMs };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(sizes: Sizes): Promise<{ on: Run; off: number }> {
  const off = await typeThrough(sizes, sizes.keystrokes, false, false);
  await off.store.close();
  rmSync(off.dir, { recursive: true, force: true });
  const on = await typeThrough(sizes, sizes.keystrokes, true, false);
  await on.store.close();
  rmSync(on.dir, { recursive: true, force: true });

  const many = await typeThrough(sizes, sizes.listUpdates, true, true);
  const timings: number[] = [];
  let entries = 0;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    entries = (await many.sectionHistory.list("p1-access")).length;
    timings.push(performance.now() - start);
  }
  const checkpoints = new HistoryStore(many.store.database).points("p1-access").length;
  await many.store.close();
  rmSync(many.dir, { recursive: true, force: true });
  return {
    off: off.bytesPer1000,
    on: {
      bytesPer1000: on.bytesPer1000,
      listMs: Math.max(...timings),
      entries,
      checkpoints,
    },
  };
}

/** Storage growth with history, and the history list of a long-edited section. */
export const historyBenchmark: Benchmark = {
  name: "history",
  title: "History: storage per 1,000 keystrokes, history list of a long-edited section",
  async run({ smoke, log }): Promise<BenchResult> {
    const sizes = smoke ? SMOKE : FULL;
    log(`history: ${sizes.keystrokes} keystrokes, then ${sizes.listUpdates} updates`);
    const { on, off } = await measure(sizes);
    log(`history: a compaction of ${COMPACT_EVERY} updates by ${TOGETHER_AUTHORS} authors at once`);
    const togetherOff = await compactTogether(sizes, false);
    const together = await compactTogether(sizes, true);
    const listPass = on.listMs < LIST_TARGET_MS;
    return {
      name: "history",
      title: historyBenchmark.title,
      tables: [
        {
          title: `Stored bytes per 1,000 one-character updates (section of ${count(sizes.sectionWords)} words, compaction every 500, two authors)`,
          columns: ["History", "Bytes per 1,000 keystrokes"],
          rows: [
            ["off (updates only)", count(off)],
            ["on (authors, time, kind; checkpoints)", count(on.bytesPer1000)],
          ],
        },
        {
          title: `History list of a section with ${count(sizes.listUpdates)} stored updates`,
          columns: ["Checkpoints kept", "Groups listed", "Slowest of 5 lists (ms)"],
          rows: [[count(on.checkpoints), count(on.entries), ms(on.listMs)]],
        },
        {
          title: `One compaction of ${COMPACT_EVERY} updates by ${TOGETHER_AUTHORS} authors typing at once (section of ${count(sizes.togetherWords)} words)`,
          columns: [
            "History",
            "Checkpoints kept",
            "Their stored bytes",
            "Replay (checkpoint worker) ms",
            "Store (event loop) ms",
          ],
          rows: [
            [
              "on",
              count(together.checkpoints),
              count(together.checkpointBytes),
              ms(together.replayMs),
              ms(together.storeMs),
            ],
            ["off", "0", "0", "", ms(togetherOff.storeMs)],
          ],
        },
      ],
      figures: {
        "storage.off": off,
        "storage.on": on.bytesPer1000,
        "list.ms": on.listMs,
        "list.entries": on.entries,
        "together.checkpoints": together.checkpoints,
        "together.bytes": together.checkpointBytes,
        "together.replayMs": together.replayMs,
        "together.storeMs": together.storeMs,
        "together.off.storeMs": togetherOff.storeMs,
      },
      targets: [
        {
          target: `History list of a section with ${count(sizes.listUpdates)} updates < ${LIST_TARGET_MS} ms`,
          measured: `${ms(on.listMs)} ms`,
          pass: listPass,
          ...(listPass ? {} : { miss: "listing replays the updates since the last compaction" }),
        },
      ],
      notes: [
        `Updates go through the server's StorageExtension as one-character Yjs updates, one every ${KEYSTROKE_MS} ms of simulated time, two authors taking turns every 200 characters; compaction every 500 updates turns them into checkpoints (full compressed states at group and minute ends).`,
        "Bytes are the database's used pages after a WAL checkpoint, before and after typing. History on includes the checkpoints; their size grows with the section (a full state each), not with the number of keystrokes.",
        `The compaction figure: ${COMPACT_EVERY} one-character updates ${TOGETHER_MS} ms apart (the fan-out benchmark's pace in its main section), each by one of ${TOGETHER_AUTHORS} authors in turn and every seventh merged from three, then one compaction with history on and off: the replay into checkpoints (run by the checkpoint worker in the server, here in process) and the store of the checkpoints and the compacted state in one transaction (on the event loop in the server: compress, insert, fsync with synchronous = FULL).`,
        "The list figure is the slowest of five calls of SectionHistory.list on the stored checkpoints plus the updates not yet compacted; its setup runs with synchronous = OFF (durability is measured by the durable-writes benchmark).",
      ],
    };
  },
};
