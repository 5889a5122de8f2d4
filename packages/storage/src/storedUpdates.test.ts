import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { openReadOnly } from "./openReadOnly";
import { DATABASE_FILE, SqliteStore } from "./SqliteStore";
import { readStoredDocument, storedBytes } from "./storedUpdates";

const opened: SqliteStore[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

describe("readStoredDocument and storedBytes", () => {
  it("read from a second, read-only connection what the store wrote and still holds open", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rapporteur-stored-"));
    const store = SqliteStore.open(dir);
    opened.push(store);
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on("update", (update: Uint8Array) => updates.push(update));
    doc.getText("t").insert(0, "Access grew. ");
    doc.getText("t").insert(13, "Rural areas lag.");
    for (const update of updates) await store.append("p1-access", update);

    const reader = openReadOnly(join(dir, DATABASE_FILE));
    try {
      const read = readStoredDocument(reader, "p1-access");
      expect(read).toEqual(await store.load("p1-access"));
      const copy = new Y.Doc();
      for (const update of read.updates) Y.applyUpdate(copy, update);
      expect(copy.getText("t").toString()).toBe("Access grew. Rural areas lag.");
      expect(storedBytes(reader, "p1-access")).toBe(
        updates.reduce((sum, update) => sum + update.byteLength, 0),
      );
      expect(storedBytes(reader, "p2-none")).toBe(0);
      expect(readStoredDocument(reader, "p2-none")).toEqual({ updates: [], lastSeq: 0 });
      // Read only: the worker can never change the report.
      expect(() => reader.prepare("DELETE FROM document_updates").run()).toThrow(/readonly/i);
    } finally {
      reader.close();
    }
  });
});
