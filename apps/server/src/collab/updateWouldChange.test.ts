import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CollabRefusal } from "./CollabRefusal";
import { updateWouldChange } from "./updateWouldChange";

/** A server document with two paragraphs, the first deleted again (so it has a delete set). */
function serverAndReader() {
  const server = new Y.Doc();
  const fragment = server.getXmlFragment("default");
  for (const text of ["gone", "kept"]) {
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(text)]);
    fragment.insert(fragment.length, [paragraph]);
  }
  fragment.delete(0, 1);
  const reader = new Y.Doc();
  Y.applyUpdate(reader, Y.encodeStateAsUpdate(server));
  return { server, reader };
}

describe("updateWouldChange", () => {
  it("is false for what a synced read-only client answers to sync step 1", () => {
    const { server, reader } = serverAndReader();
    // The answer repeats the whole delete set, which the server already has.
    const answer = Y.encodeStateAsUpdate(reader, Y.encodeStateVector(server));
    expect(Y.decodeUpdate(answer).ds.clients.size).toBeGreaterThan(0);
    expect(updateWouldChange(server, answer)).toBe(false);
    expect(updateWouldChange(server, Y.encodeStateAsUpdate(new Y.Doc()))).toBe(false);
    expect(updateWouldChange(server, Y.encodeStateAsUpdate(server))).toBe(false);
  });

  it("is true for new content and for a deletion the server has not made", () => {
    const { server, reader } = serverAndReader();
    const before = Y.encodeStateVector(reader);
    reader.getXmlFragment("default").insert(0, [new Y.XmlElement("paragraph")]);
    expect(updateWouldChange(server, Y.encodeStateAsUpdate(reader, before))).toBe(true);

    const deleter = serverAndReader();
    const sv = Y.encodeStateVector(deleter.reader);
    const updates: Uint8Array[] = [];
    deleter.reader.on("update", (u: Uint8Array) => updates.push(u));
    deleter.reader.getXmlFragment("default").delete(0, 1);
    expect(Y.decodeUpdate(updates[0]!).structs).toHaveLength(0);
    expect(updateWouldChange(deleter.server, updates[0]!)).toBe(true);
    expect(updateWouldChange(deleter.server, Y.encodeStateAsUpdate(deleter.reader, sv))).toBe(true);
  });

  it("refuses an update that does not decode", () => {
    const { server } = serverAndReader();
    expect(() => updateWouldChange(server, new Uint8Array([1, 2, 3]))).toThrow(CollabRefusal);
  });
});
