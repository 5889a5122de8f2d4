import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteStore } from "@rapporteur/storage";
import * as encoding from "lib0/encoding";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Logger } from "../Logger";
import { paragraphUpdate } from "../testing/RawCollabClient";
import { Document } from "./Document";
import { StorageExtension } from "./StorageExtension";

const stores: SqliteStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

/** An item of `client` at `clock` whose left origin is a later clock of the same client. */
function forgedUpdate(client: number, clock: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, clock);
  encoding.writeUint8(encoder, 0x80 | 4);
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, clock + 5_000);
  encoding.writeVarString(encoder, "forged");
  encoding.writeVarUint(encoder, 0);
  return encoding.toUint8Array(encoder);
}

/** Loads section `p1-access` through `extension` into a document nobody edits. */
async function loadSection(extension: StorageExtension): Promise<Document> {
  const document = new Document("p1-access", {
    storeUpdate: async () => undefined,
    changed: () => {},
    failed: () => {},
    damaged: () => {},
  });
  await extension.onLoadDocument({ documentName: "p1-access", document });
  return document;
}

describe("StorageExtension", () => {
  it("loads a section without a stored update that cannot be applied, and says so", async () => {
    const store = SqliteStore.open(mkdtempSync(join(tmpdir(), "rapporteur-storage-ext-")));
    stores.push(store);
    const doc = new Y.Doc();
    doc.clientID = 42;
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText("Meaningful connectivity")]);
    doc.getXmlFragment("default").push([paragraph]);
    const good = Y.encodeStateAsUpdate(doc);
    const forged = forgedUpdate(42, Y.getState(doc.store, 42));
    // The forged update throws half-way when applied after the good one.
    expect(() => {
      const scratch = new Y.Doc();
      Y.applyUpdate(scratch, good);
      Y.applyUpdate(scratch, forged);
    }).toThrow();
    await store.append("p1-access", good);
    await store.append("p1-access", forged);

    const errors: string[] = [];
    const logger: Logger = { info() {}, warn() {}, error: (message) => errors.push(message) };
    const extension = new StorageExtension(store, { compactEvery: 100 }, logger);
    const document = await loadSection(extension);
    expect(document.ydoc.getXmlFragment("default").toString()).toBe(
      "<paragraph>Meaningful connectivity</paragraph>",
    );
    expect(errors).toEqual([
      expect.stringMatching(/p1-access: 1 stored update\(s\) cannot be applied/),
    ]);
  });

  it("drops stored content that does not fit the schema, stores the repair and reports it", async () => {
    const store = SqliteStore.open(mkdtempSync(join(tmpdir(), "rapporteur-storage-ext-")));
    stores.push(store);
    const doc = new Y.Doc();
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText("Kept")]);
    doc.getXmlFragment("default").push([paragraph, new Y.XmlElement("script")]);
    doc.getXmlFragment("default").push([new Y.Map() as never]);
    // As the server stored it before it checked updates.
    await store.append("p1-access", Y.encodeStateAsUpdate(doc));

    const errors: string[] = [];
    const logger: Logger = { info() {}, warn() {}, error: (message) => errors.push(message) };
    const repaired: { name: string; rules: string[] }[] = [];
    const extension = new StorageExtension(
      store,
      {
        compactEvery: 100,
        onRepaired: (name, dropped) => repaired.push({ name, rules: dropped.map((d) => d.rule) }),
      },
      logger,
    );
    const load = () => loadSection(extension);
    const document = await load();
    expect(document.ydoc.getXmlFragment("default").toString()).toBe("<paragraph>Kept</paragraph>");
    expect(repaired).toEqual([{ name: "p1-access", rules: ["node", "type"] }]);
    expect(errors).toEqual([
      expect.stringMatching(
        /p1-access: dropped 2 part\(s\) that do not fit the document schema \(node at default\/1:script/,
      ),
    ]);
    // Storage agrees with memory: the next load finds nothing to repair.
    expect((await store.load("p1-access")).updates).toHaveLength(2);
    await extension.onUnloadDocument({ documentName: "p1-access", document });
    const again = await load();
    expect(again.ydoc.getXmlFragment("default").toString()).toBe("<paragraph>Kept</paragraph>");
    expect(repaired).toHaveLength(1);
  });

  it("compacts only through the updates the live document holds, whoever stored them", async () => {
    const store = SqliteStore.open(mkdtempSync(join(tmpdir(), "rapporteur-storage-ext-")));
    stores.push(store);
    const extension = new StorageExtension(store, { compactEvery: 100 });
    const document = await loadSection(extension);
    const context = { documentName: "p1-access", document, origins: [], serverEdits: [] };
    const text = () => {
      const doc = new Y.Doc();
      return store.load("p1-access").then(({ updates }) => {
        for (const update of updates) Y.applyUpdate(doc, update);
        return doc.getXmlFragment("default").toString();
      });
    };

    const own = paragraphUpdate("stored here");
    Y.applyUpdate(document.ydoc, own);
    expect(await extension.onStoreUpdate({ ...context, update: own })).toEqual({ seq: 1 });
    // Another instance stores 2 and 3; only 3 has reached this one.
    await store.append("p1-access", paragraphUpdate("stored elsewhere, not yet relayed"));
    const third = paragraphUpdate("stored elsewhere, relayed");
    await store.append("p1-access", third);
    Y.applyUpdate(document.ydoc, third);
    extension.onRelayedUpdate({ ...context, update: third, seq: 3, through: false });
    expect(extension.compactableThrough("p1-access")).toBe(1);

    await extension.onUnloadDocument({ documentName: "p1-access", document });
    expect(await text()).toContain("stored elsewhere, not yet relayed");
    expect(await text()).toContain("stored here");
    expect(await text()).toContain("stored elsewhere, relayed");
  });

  it("counts a section read again from the store as holding every update through its newest", async () => {
    const store = SqliteStore.open(mkdtempSync(join(tmpdir(), "rapporteur-storage-ext-")));
    stores.push(store);
    const extension = new StorageExtension(store, { compactEvery: 100 });
    const document = await loadSection(extension);
    const context = { documentName: "p1-access", document, origins: [], serverEdits: [] };
    for (const words of ["one", "two", "three"])
      await store.append("p1-access", paragraphUpdate(words));
    const update = new Uint8Array();
    extension.onRelayedUpdate({ ...context, update, seq: 3, through: false });
    expect(extension.compactableThrough("p1-access")).toBe(0);
    extension.onRelayedUpdate({ ...context, update, seq: 3, through: true });
    expect(extension.compactableThrough("p1-access")).toBe(3);
  });
});
