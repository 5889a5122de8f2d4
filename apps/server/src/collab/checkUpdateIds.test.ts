import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { checkUpdateIds } from "./checkUpdateIds";

/** An update with one string item `client:clock` whose left origin is `origin`. */
function itemUpdate(client: number, clock: number, origin: { client: number; clock: number }) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1); // one client
  encoding.writeVarUint(encoder, 1); // one struct
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, clock);
  encoding.writeUint8(encoder, 0x80 | 4); // has origin, string content
  encoding.writeVarUint(encoder, origin.client);
  encoding.writeVarUint(encoder, origin.clock);
  encoding.writeVarString(encoder, "forged");
  encoding.writeVarUint(encoder, 0); // empty delete set
  return encoding.toUint8Array(encoder);
}

describe("checkUpdateIds", () => {
  it("accepts what Yjs clients write", () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => updates.push(u));
    const text = doc.getText("t");
    text.insert(0, "later");
    text.insert(0, "first "); // right origin: an older item of the same client
    text.insert(6, "x");
    for (const update of updates) {
      expect(() => checkUpdateIds(Y.decodeUpdate(update).structs)).not.toThrow();
    }
  });

  it("refuses an item whose origin is a later clock of its own client (it would throw half-way)", () => {
    const forged = itemUpdate(42, 5, { client: 42, clock: 6909 });
    expect(() => checkUpdateIds(Y.decodeUpdate(forged).structs)).toThrow(/created after it/);
    expect(() =>
      checkUpdateIds(Y.decodeUpdate(itemUpdate(42, 5, { client: 7, clock: 6909 })).structs),
    ).not.toThrow();
  });
});
