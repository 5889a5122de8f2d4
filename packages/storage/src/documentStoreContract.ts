// The behaviour every DocumentStore backend owes the collaboration server, as one suite that each
// backend's test file runs (SqliteStore.test.ts, PostgresStore.test.ts). Not exported by index.ts:
// it imports vitest.
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { DocumentStore } from "./DocumentStore";
import type { AttributedUpdate, HistoryPoint, HistoryPointInput } from "./HistoryStore";

/** How the contract reaches a backend: fresh stores, reopening, and its history (read async). */
export interface DocumentStoreHarness<S extends DocumentStore> {
  /** A new store over new, empty storage. */
  create(): Promise<S>;
  /** A new store over the same storage as `store` (which the test has closed). */
  reopen(store: S): Promise<S>;
  /** The backend's history reads, awaited whether the backend is synchronous or not. */
  history(store: S): {
    updates(doc: string): Promise<AttributedUpdate[]> | AttributedUpdate[];
    points(doc: string): Promise<HistoryPoint[]> | HistoryPoint[];
    state(id: number): Promise<Uint8Array | undefined> | Uint8Array | undefined;
  };
}

/** A Yjs update per text, each appending it to the text `t` of one document. */
export function textUpdates(texts: string[]): { updates: Uint8Array[]; expected: string } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  for (const text of texts) doc.getText("t").insert(doc.getText("t").length, text);
  return { updates, expected: texts.join("") };
}

/** The text `t` of the document the updates build. */
export function rebuild(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc.getText("t").toString();
}

function stateOf(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText("t").insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** Registers the DocumentStore contract's tests for one backend. */
export function documentStoreContract<S extends DocumentStore>(
  backend: string,
  harness: DocumentStoreHarness<S>,
): void {
  describe(`DocumentStore contract: ${backend}`, () => {
    const opened: S[] = [];
    async function create(): Promise<S> {
      const store = await harness.create();
      opened.push(store);
      return store;
    }
    async function reopen(store: S): Promise<S> {
      const again = await harness.reopen(store);
      opened.push(again);
      return again;
    }
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
    });

    it("returns nothing for a document never written", async () => {
      const store = await create();
      expect(await store.load("p1-context")).toEqual({ updates: [], lastSeq: 0 });
      expect(await store.list()).toEqual([]);
    });

    it("appends updates with increasing sequence numbers per document and loads them in order", async () => {
      const store = await create();
      const { updates, expected } = textUpdates(["Access ", "and ", "inclusion"]);
      const seqs: number[] = [];
      for (const u of updates) seqs.push(await store.append("a", u));
      expect(await store.append("b", updates[0]!)).toBe(1);
      expect(seqs).toEqual([1, 2, 3]);
      const loaded = await store.load("a");
      expect(loaded.lastSeq).toBe(3);
      expect(rebuild(loaded.updates)).toBe(expected);
      expect(await store.list()).toEqual(["a", "b"]);
    });

    it("lists documents in byte order, whatever the database's collation", async () => {
      const store = await create();
      const names = ["p10-overview", "p1-context", "p1-Access", "p2-equality"];
      for (const name of names) await store.append(name, textUpdates(["x"]).updates[0]!);
      expect(await store.list()).toEqual([
        "p1-Access",
        "p1-context",
        "p10-overview",
        "p2-equality",
      ]);
    });

    it("keeps the order of appends issued concurrently", async () => {
      const store = await create();
      const { updates, expected } = textUpdates(Array.from({ length: 50 }, (_, i) => `${i} `));
      const seqs = await Promise.all(updates.map((u) => store.append("a", u)));
      expect(seqs).toEqual(updates.map((_, i) => i + 1));
      const loaded = await store.load("a");
      expect(loaded.updates.map((u) => Buffer.from(u).toString("hex"))).toEqual(
        updates.map((u) => Buffer.from(u).toString("hex")),
      );
      expect(rebuild(loaded.updates)).toBe(expected);
    });

    it("keeps each document's order when appends for many documents arrive together", async () => {
      const store = await create();
      const docs = Array.from({ length: 12 }, (_, i) => `section-${i}`);
      const perDoc = docs.map((doc) => textUpdates([`${doc} `, "one ", "two ", "three"]));
      // Interleaved: the first update of every document, then the second of every document...
      const calls: Promise<number>[][] = docs.map(() => []);
      for (let k = 0; k < 4; k++) {
        docs.forEach((doc, d) => {
          calls[d]!.push(store.append(doc, perDoc[d]!.updates[k]!));
        });
      }
      for (const [d, doc] of docs.entries()) {
        expect(await Promise.all(calls[d]!)).toEqual([1, 2, 3, 4]);
        expect(rebuild((await store.load(doc)).updates)).toBe(perDoc[d]!.expected);
      }
      expect(await store.list()).toEqual([...docs].sort());
    });

    it("compacts the updates up to a sequence number into one state and keeps later ones", async () => {
      const store = await create();
      const { updates, expected } = textUpdates(["one ", "two ", "three ", "four"]);
      for (const u of updates.slice(0, 3)) await store.append("a", u);
      const state = Y.mergeUpdates(updates.slice(0, 3));
      await store.append("a", updates[3]!);
      await store.compact("a", state, 3);
      const loaded = await store.load("a");
      expect(loaded.updates).toHaveLength(2);
      expect(loaded.lastSeq).toBe(4);
      expect(rebuild(loaded.updates)).toBe(expected);
      expect(await store.append("a", textUpdates(["x"]).updates[0]!)).toBe(5);
    });

    it("keeps everything across close and reopen, and refuses calls once closed", async () => {
      const store = await create();
      const { updates, expected } = textUpdates(["kept ", "after ", "restart"]);
      for (const u of updates) await store.append("a", u);
      await store.close();
      await expect(store.load("a")).rejects.toThrow(/closed/);
      await expect(store.append("a", updates[0]!)).rejects.toThrow(/closed/);
      const again = await reopen(store);
      const loaded = await again.load("a");
      expect(rebuild(loaded.updates)).toBe(expected);
      expect(loaded.lastSeq).toBe(3);
      expect(await again.append("a", textUpdates(["!"]).updates[0]!)).toBe(4);
    });

    it("stores who made each update, when and what kind of change it is", async () => {
      const store = await create();
      await store.append("a", stateOf("x"), { userIds: [7, 3], at: 1_000, kind: "edit" });
      await store.append("a", stateOf("y"), { userIds: [2], at: 2_000, kind: "import" });
      await store.append("a", stateOf("z"));
      const rows = await harness.history(store).updates("a");
      expect(rows.map((r) => r.meta)).toEqual([
        { userIds: [3, 7], at: 1_000, kind: "edit" },
        { userIds: [2], at: 2_000, kind: "import" },
        null,
      ]);
      expect((await store.load("a")).updates).toHaveLength(3);
    });

    it("keeps compaction's checkpoints, with their states, after reopening", async () => {
      const store = await create();
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on("update", (u: Uint8Array) => updates.push(u));
      doc.getText("t").insert(0, "Access");
      doc.getText("t").insert(6, " and inclusion");
      for (const u of updates)
        await store.append("a", u, { userIds: [1], at: Date.now(), kind: "edit" });
      const checkpoint: HistoryPointInput = {
        seq: 1,
        fromAt: Date.now(),
        at: Date.now(),
        userIds: [1],
        kind: "edit",
        added: 1,
        removed: 0,
        state: stateOf("Access"),
      };
      await store.compact("a", Y.encodeStateAsUpdate(doc), 2, [checkpoint]);
      // The attributed updates are merged into one unattributed state...
      expect((await harness.history(store).updates("a")).map((r) => r.meta)).toEqual([null]);
      await store.close();
      const again = await reopen(store);
      // ...but the checkpoint survives, with its state.
      const points = await harness.history(again).points("a");
      expect(points).toHaveLength(1);
      expect(points[0]).toMatchObject({ seq: 1, userIds: [1], kind: "edit", pinned: false });
      const state = await harness.history(again).state(points[0]!.id);
      const rebuilt = new Y.Doc();
      Y.applyUpdate(rebuilt, state!);
      expect(rebuilt.getText("t").toString()).toBe("Access");
      expect(rebuild((await again.load("a")).updates)).toBe("Access and inclusion");
    });

    it("thins checkpoints older than an hour when compacting, keeping restore points", async () => {
      const store = await create();
      const yesterday = Math.floor((Date.now() - 24 * HOUR) / HOUR) * HOUR;
      const old = [5, 15, 25].map((m, i) => ({
        seq: i + 1,
        fromAt: yesterday + m * MINUTE,
        at: yesterday + m * MINUTE + 30_000,
        userIds: [1],
        kind: "edit" as const,
        added: 2,
        removed: 1,
        state: stateOf(`v${i}`),
      }));
      const pinned = { ...old[0]!, seq: 4, at: yesterday + 40 * MINUTE, pinned: true };
      const { updates } = textUpdates(["a", "b", "c", "d"]);
      for (const u of updates) await store.append("a", u);
      await store.compact("a", Y.mergeUpdates(updates), 4, [...old, pinned]);
      const points = await harness.history(store).points("a");
      // One point for author 1's hour of edits, carrying all three's words and start...
      expect(points.filter((p) => !p.pinned)).toEqual([
        expect.objectContaining({ seq: 3, added: 6, removed: 3, fromAt: old[0]!.fromAt }),
      ]);
      // ...and the restore point, never thinned.
      expect(points.filter((p) => p.pinned)).toHaveLength(1);
    });
  });
}
