import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { paragraphUpdate } from "../testing/RawCollabClient";
import { CollabRefusal } from "./CollabRefusal";
import type { Connection } from "./Connection";
import { CloseCode } from "./closeCodes";
import { Document, type DocumentHooks } from "./Document";

function fakeConnection() {
  const sent: Uint8Array[] = [];
  return { sent, connection: { send: (m: Uint8Array) => sent.push(m) } as unknown as Connection };
}

function setup(options: { maxBytes?: number; ready?: boolean } = {}) {
  const stored: Uint8Array[] = [];
  const changes: Uint8Array[] = [];
  const relayed: { seq: number; through: boolean }[] = [];
  const hooks: DocumentHooks = {
    storeUpdate: async (_d, update) => {
      stored.push(update);
      return stored.length;
    },
    changed: (_d, update) => changes.push(update),
    relayed: (_d, _update, seq, through) => relayed.push({ seq, through }),
    failed: () => {},
    damaged: () => {},
  };
  const document = new Document("p1-access", hooks, options);
  if (options.ready !== false) document.ready();
  return { document, stored, changes, relayed };
}

const text = (doc: Y.Doc) => doc.getXmlFragment("default").toString();

describe("Document", () => {
  it("stores updates of one tick as one, then sends one buffer to every connection", async () => {
    const { document, stored, changes } = setup();
    const a = fakeConnection();
    const b = fakeConnection();
    document.connections.add(a.connection);
    document.connections.add(b.connection);
    const base = new Y.Doc();
    const first = paragraphUpdate("one", base);
    Y.applyUpdate(base, first);
    document.receiveUpdate(first, a.connection);
    document.receiveUpdate(paragraphUpdate("two", base), b.connection);
    await document.whenSettled();
    expect(stored).toHaveLength(1);
    expect(changes).toHaveLength(1);
    expect(a.sent).toHaveLength(1);
    expect(b.sent).toHaveLength(1);
    expect(a.sent[0]).toBe(b.sent[0]);
    expect(text(document.ydoc)).toBe("<paragraph>one</paragraph><paragraph>two</paragraph>");
  });

  it("refuses an update that does not decode fully and changes nothing", async () => {
    const { document, stored } = setup();
    const update = paragraphUpdate("never");
    for (const cut of [1, 3, 8, update.length - 1]) {
      expect(() => document.receiveUpdate(update.slice(0, cut), null)).toThrow(CollabRefusal);
    }
    try {
      document.receiveUpdate(update.slice(0, 5), null);
    } catch (error) {
      expect((error as CollabRefusal).code).toBe(CloseCode.badRequest);
    }
    await document.whenSettled();
    expect(stored).toHaveLength(0);
    expect(text(document.ydoc)).toBe("");
    // The shadow copy is intact: a good update still goes through.
    document.receiveUpdate(update, null);
    await document.whenSettled();
    expect(text(document.ydoc)).toBe("<paragraph>never</paragraph>");
  });

  it("ignores an update that carries nothing", async () => {
    const { document, stored } = setup();
    expect(document.receiveUpdate(Y.encodeStateAsUpdate(new Y.Doc()), null)).toBe(false);
    await document.whenSettled();
    expect(stored).toHaveLength(0);
  });

  it("applies server-side edits through the same pipeline", async () => {
    const { document, stored } = setup();
    const a = fakeConnection();
    document.connections.add(a.connection);
    await document.submitUpdate(paragraphUpdate("imported"));
    expect(stored).toHaveLength(1);
    expect(a.sent).toHaveLength(1);
    expect(text(document.ydoc)).toBe("<paragraph>imported</paragraph>");
  });

  it("refuses an item forged with the id of one it holds, so users, memory and storage agree", async () => {
    const { document, stored } = setup();
    const fresh = (...updates: Uint8Array[]) => {
      const doc = new Y.Doc();
      for (const update of updates) Y.applyUpdate(doc, update);
      return doc;
    };
    const textOf = (doc: Y.Doc) =>
      (doc.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
    // A client (id 1) adds a paragraph (items 1:0, 1:1), types "hello" (1:2-1:6), then " world".
    const typist = new Y.Doc();
    typist.clientID = 1;
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText()]);
    typist.getXmlFragment("default").push([paragraph]);
    const emptyParagraph = Y.encodeStateAsUpdate(typist);
    textOf(typist).insert(0, "hello");
    const hello = Y.encodeStateAsUpdate(typist);
    const helloState = Y.encodeStateVector(typist);
    textOf(typist).insert(5, " world");
    const world = Y.encodeStateAsUpdate(typist, helloState);
    // A forger claims the ids 1:2-1:6 for text after an item 999:0 the server never gets.
    const forger = fresh(emptyParagraph);
    forger.clientID = 999;
    textOf(forger).insert(0, "x");
    const withHiddenItem = Y.encodeStateVector(forger);
    forger.clientID = 1;
    textOf(forger).insert(1, "XXXXX");
    const forged = Y.encodeStateAsUpdate(forger, withHiddenItem);
    expect(Y.decodeUpdate(forged).structs.map((s) => `${s.id.client}:${s.id.clock}`)).toEqual([
      "1:2",
    ]);

    document.receiveUpdate(hello, null);
    await document.whenSettled();
    // The forged items come with the genuine " world": Yjs would hold " world" back behind them
    // for good in memory (and on every replay of storage) while clients that sync see it.
    expect(() => document.receiveUpdate(Y.mergeUpdates([forged, world]), null)).toThrow(
      /Malformed update: item 1:2/,
    );
    document.receiveUpdate(world, null);
    await document.whenSettled();

    const synced = fresh(Y.encodeStateAsUpdate(document.ydoc));
    const replayed = fresh(...stored);
    expect(text(document.ydoc)).toBe("<paragraph>hello world</paragraph>");
    expect(text(synced)).toBe(text(document.ydoc));
    expect(text(replayed)).toBe(text(document.ydoc));
  });

  it("refuses an update that does not fit the schema (4422), stores nothing, and recovers", async () => {
    const { document, stored, changes } = setup();
    const peer = new Y.Doc();
    const script = new Y.XmlElement("script");
    script.insert(0, [new Y.XmlText("alert(1)")]);
    peer.getXmlFragment("default").insert(0, [script]);
    const hostile = Y.encodeStateAsUpdate(peer);
    let refusal: CollabRefusal | undefined;
    try {
      document.receiveUpdate(hostile, null);
    } catch (error) {
      refusal = error as CollabRefusal;
    }
    expect(refusal?.code).toBe(CloseCode.doesNotFitSchema);
    expect(refusal?.message).toMatch(/schema \(node\): unknown node 'script' at default\/0:script/);
    await expect(document.submitUpdate(hostile)).rejects.toMatchObject({
      code: CloseCode.doesNotFitSchema,
    });
    await document.whenSettled();
    expect(stored).toHaveLength(0);
    expect(changes).toHaveLength(0);
    // The shadow copy forgot it: the same client's next, fitting, edit goes through.
    const good = paragraphUpdate("fits");
    document.receiveUpdate(good, null);
    await document.whenSettled();
    expect(text(document.ydoc)).toBe("<paragraph>fits</paragraph>");
  });

  it("refuses a Y.Map in the fragment and a shared type outside it", () => {
    const { document } = setup();
    const inFragment = new Y.Doc();
    inFragment.getXmlFragment("default").insert(0, [new Y.Map() as never]);
    const outside = new Y.Doc();
    outside.getMap("extra").set("x", 1);
    for (const [peer, rule] of [
      [inFragment, "type"],
      [outside, "root"],
    ] as const) {
      expect(() => document.receiveUpdate(Y.encodeStateAsUpdate(peer), null)).toThrow(
        new RegExp(`schema \\(${rule}\\)`),
      );
    }
  });

  it("refuses an update that would take the section above its size limit (4413)", async () => {
    const { document, stored } = setup({ maxBytes: 4096 });
    const base = new Y.Doc();
    const small = paragraphUpdate("a".repeat(1000), base);
    Y.applyUpdate(base, small);
    document.receiveUpdate(small, null);
    const large = paragraphUpdate("b".repeat(4000), base);
    let refusal: CollabRefusal | undefined;
    try {
      document.receiveUpdate(large, null);
    } catch (error) {
      refusal = error as CollabRefusal;
    }
    expect(refusal?.code).toBe(CloseCode.messageTooLarge);
    expect(refusal?.message).toBe("Update refused: the section would exceed 4 KB (its size limit)");
    await document.whenSettled();
    expect(stored).toHaveLength(1);
    // Many small edits under the limit go through without the section being re-encoded each time.
    for (let i = 0; i < 20; i++) {
      const edit = paragraphUpdate(`edit ${i}`, base);
      Y.applyUpdate(base, edit);
      document.receiveUpdate(edit, null);
    }
    await document.whenSettled();
    expect(text(document.ydoc)).toContain("edit 19");
  });

  it("checks an edit against what was accepted but is still being stored, also after a refusal", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const hooks: DocumentHooks = {
      // The store takes its time (a worker thread's commit and fsync).
      storeUpdate: async () => {
        await held;
        return 1;
      },
      changed: () => {},
      failed: () => {},
      damaged: () => {},
    };
    const document = new Document("p1-access", hooks, {});
    document.ready();
    const client = new Y.Doc();
    const accepted = paragraphUpdate("accepted, not yet stored", client);
    Y.applyUpdate(client, accepted);
    document.receiveUpdate(accepted, null);
    // A refused edit rebuilds the shadow copy while the first update is still being stored.
    const other = new Y.Doc();
    const script = new Y.XmlElement("script");
    other.getXmlFragment("default").insert(0, [script]);
    expect(() => document.receiveUpdate(Y.encodeStateAsUpdate(other), null)).toThrow(
      /document schema/,
    );
    // An edit of the paragraph that update made: an attribute the schema does not have.
    const hostile: Uint8Array[] = [];
    client.on("update", (update: Uint8Array) => hostile.push(update));
    (client.getXmlFragment("default").get(0) as Y.XmlElement).setAttribute("onclick", "alert(1)");
    let refusal: unknown;
    try {
      document.receiveUpdate(hostile[0]!, null);
    } catch (error) {
      refusal = error;
    }
    expect((refusal as CollabRefusal | undefined)?.code).toBe(CloseCode.doesNotFitSchema);
    release();
    await document.whenSettled();
    expect(text(document.ydoc)).toBe("<paragraph>accepted, not yet stored</paragraph>");
  });

  it("says when the updates received so far are applied, without waiting for later ones", async () => {
    const releases: (() => void)[] = [];
    const hooks: DocumentHooks = {
      storeUpdate: () =>
        new Promise((resolve) => {
          releases.push(() => resolve(releases.length));
        }),
      changed: () => {},
      failed: () => {},
      damaged: () => {},
    };
    const document = new Document("p1-access", hooks, {});
    document.ready();
    const client = new Y.Doc();
    const first = paragraphUpdate("first", client);
    Y.applyUpdate(client, first);
    document.receiveUpdate(first, null);
    // The first is being stored when the question is asked.
    await new Promise((resolve) => setImmediate(resolve));
    let answered = false;
    const soFar = document.receivedSoFar().then(() => {
      answered = true;
      return text(document.ydoc);
    });
    // Received while the first is being stored: not waited for.
    document.receiveUpdate(paragraphUpdate("second", client), null);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(answered).toBe(false);
    releases[0]?.();
    expect(await soFar).toBe("<paragraph>first</paragraph>");
    await new Promise((resolve) => setTimeout(resolve, 10));
    releases[1]?.();
    await document.whenSettled();
    expect(text(document.ydoc)).toBe("<paragraph>first</paragraph><paragraph>second</paragraph>");
  });

  it("applies and broadcasts an update relayed from another instance without storing it", async () => {
    const { document, stored, changes, relayed } = setup({ ready: false });
    const a = fakeConnection();
    document.connections.add(a.connection);
    const remote = new Y.Doc();
    const early = paragraphUpdate("stored by another instance while this one loaded", remote);
    Y.applyUpdate(remote, early);
    // Arrives while the section loads: waits for it.
    document.receiveRelayedUpdate(early, 7);
    await document.whenSettled();
    expect(text(document.ydoc)).toBe("");
    document.ready();
    await document.whenSettled();
    expect(text(document.ydoc)).toBe(
      "<paragraph>stored by another instance while this one loaded</paragraph>",
    );
    expect(a.sent).toHaveLength(1);
    expect(stored).toHaveLength(0);
    expect(changes).toHaveLength(0);
    expect(relayed).toEqual([{ seq: 7, through: false }]);
  });

  it("checks a local edit that builds on relayed content against the schema", async () => {
    const { document } = setup();
    const remote = new Y.Doc();
    const relayedUpdate = paragraphUpdate("from the other instance", remote);
    Y.applyUpdate(remote, relayedUpdate);
    document.receiveRelayedUpdate(relayedUpdate, 1);
    await document.whenSettled();
    // A client that has the relayed paragraph puts a <script> into it.
    const paragraph = remote.getXmlFragment("default").get(0) as Y.XmlElement;
    const before = Y.encodeStateVector(remote);
    paragraph.insert(0, [new Y.XmlElement("script")]);
    const hostile = Y.encodeStateAsUpdate(remote, before);
    let refusal: CollabRefusal | undefined;
    try {
      document.receiveUpdate(hostile, null);
    } catch (error) {
      refusal = error as CollabRefusal;
    }
    expect(refusal?.code).toBe(CloseCode.doesNotFitSchema);
    await document.whenSettled();
    expect(text(document.ydoc)).toBe("<paragraph>from the other instance</paragraph>");
  });

  it("shows presence relayed from another instance, which no local connection owns", () => {
    const { document } = setup();
    document.receiveRelayedAwareness([
      { clientId: 4242, clock: 1, state: { user: { name: "Remote Rita" } } },
    ]);
    expect(document.awareness.getStates().get(4242)).toEqual({ user: { name: "Remote Rita" } });
    expect(document.isRelayedPresence(4242, null)).toBe(true);
    document.receiveRelayedAwareness([{ clientId: 4242, clock: 2, state: null }]);
    expect(document.awareness.getStates().has(4242)).toBe(false);
  });
});
