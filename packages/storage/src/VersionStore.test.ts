import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { SqliteStore } from "./SqliteStore";
import { VersionStore } from "./VersionStore";

const opened: SqliteStore[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

function open(dir = mkdtempSync(join(tmpdir(), "rapporteur-versions-"))) {
  const store = SqliteStore.open(dir);
  opened.push(store);
  return { store, dir, versions: new VersionStore(store.database) };
}

function stateOf(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText("t").insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

const outline = { report: { symbol: "E/CN.16/2026/CRP.1" }, sections: [{ id: "p1-access" }] };

describe("VersionStore document settings", () => {
  it("keeps the document settings a version captured, across reopening the database", async () => {
    const { store, dir, versions } = open();
    const document = { symbol: "E/CN.16/2026/2", title: "Draft for the 29th session" };
    const version = versions.create({
      name: "Draft",
      at: Date.UTC(2026, 11, 7, 14),
      by: { id: 1, name: "Administrator" },
      outline,
      settings: { budget: { targetRange: [1, 2] }, document },
      sections: [{ sectionId: "p1-access", state: stateOf("Access grew"), seq: 3 }],
    });
    await store.close();
    const reopened = open(dir).versions;
    expect(reopened.documentSettings(version.id)).toEqual(document);
    expect(reopened.details(version.id)).toEqual({
      outline,
      settings: { budget: { targetRange: [1, 2] }, document },
    });
    expect(reopened.documentSettings(version.id + 1)).toBeUndefined();
  });

  it("reads a version stored before versions kept the document settings: null, the rest intact", () => {
    const { store, versions } = open();
    // The row as the server wrote it before: settings held the budget only.
    const id = Number(
      store.database
        .prepare(
          "INSERT INTO versions (name, at, by_id, by_name, outline, settings) VALUES (?, ?, ?, ?, ?, ?)",
        )
        .run(
          "Progress report",
          Date.UTC(2026, 10, 2),
          null,
          "Administrator",
          JSON.stringify(outline),
          JSON.stringify({ budget: { targetRange: [1, 2] } }),
        ).lastInsertRowid,
    );
    expect(versions.documentSettings(id)).toBeNull();
    expect(versions.get(id)).toMatchObject({ name: "Progress report" });
    expect(versions.details(id)?.outline).toEqual(outline);
  });
});
