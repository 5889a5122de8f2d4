import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { HistoryPointInput } from "./HistoryStore";
import { SqliteStore } from "./SqliteStore";
import { VersionStore } from "./VersionStore";

const opened: SqliteStore[] = [];
function openStore() {
  const dir = mkdtempSync(join(tmpdir(), "rapporteur-history-"));
  const store = SqliteStore.open(dir);
  opened.push(store);
  return { store, dir };
}
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

function stateOf(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText("t").insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

function textOf(state: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc.getText("t").toString();
}

function point(at: number, userIds: number[], overrides: Partial<HistoryPointInput> = {}) {
  return {
    seq: at,
    fromAt: at,
    at,
    userIds,
    kind: "edit",
    added: 1,
    removed: 0,
    state: stateOf(`at ${at}`),
    ...overrides,
  } satisfies HistoryPointInput;
}

const HOUR = 3_600_000;
const MINUTE = 60_000;

describe("HistoryStore", () => {
  it("thins old checkpoints to one per hour per authors, keeps the last hour to the minute and pinned points", () => {
    const { store } = openStore();
    const now = Date.UTC(2026, 11, 7, 14, 30);
    const lastHour = [5, 6, 7, 20].map((m) => now - m * MINUTE);
    const yesterday = Date.UTC(2026, 11, 6, 10, 0);
    const old = [5, 15, 25, 35].map((m) => yesterday + m * MINUTE);
    store.history.insert("a", [
      ...old.map((at) => point(at, [1])),
      point(yesterday + 40 * MINUTE, [2]),
      point(yesterday + 45 * MINUTE, [1], { pinned: true }),
      point(yesterday + 50 * MINUTE, [1], { kind: "import" }),
      ...lastHour.map((at) => point(at, [1])),
    ]);
    expect(store.history.thin("a", now)).toBe(3);
    const points = store.history.points("a");
    // Yesterday 10:00-11:00: author 1's newest edit (10:35) holds the four edits' words...
    const kept = points.find((p) => p.at === old[3]);
    expect(kept).toMatchObject({ added: 4, fromAt: old[0] });
    // ...author 2's edit, the pinned restore point and the import stay.
    expect(points.filter((p) => p.at < now - HOUR)).toHaveLength(4);
    // Every checkpoint of the last hour is kept: each minute can be shown.
    expect(points.filter((p) => p.at >= now - HOUR).map((p) => p.at)).toEqual(
      [...lastHour].sort((a, b) => a - b),
    );
  });

  it("keeps named versions with every section's state until deleted", () => {
    const { store } = openStore();
    const versions = new VersionStore(store.database);
    const version = versions.create({
      name: "Draft for the CSTD session",
      at: 1_000,
      by: { id: 1, name: "Admin" },
      outline: { sections: ["a"] },
      settings: { targetRange: { min: 1, max: 2 } },
      sections: [{ sectionId: "a", state: stateOf("Access") }],
    });
    expect(versions.list()).toEqual([version]);
    expect(textOf(versions.sectionState(version.id, "a")!)).toBe("Access");
    expect(versions.details(version.id)?.settings).toEqual({ targetRange: { min: 1, max: 2 } });
    expect(versions.delete(version.id)).toBe(true);
    expect(versions.list()).toEqual([]);
    expect(versions.sectionState(version.id, "a")).toBeUndefined();
  });
});
