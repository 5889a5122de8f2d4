import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { RelayMessage } from "./DocumentRelay";
import { decodeRelayFrame, encodeRelayFrame } from "./RelayFrame";

function sampleUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.getText("t").insert(0, "Relayed text \u00e9\u4e2d\u{1f600}");
  return Y.encodeStateAsUpdate(doc);
}

describe("relay frames", () => {
  const messages: RelayMessage[] = [
    { kind: "update", section: "p1-access", seq: 300_000, update: sampleUpdate() },
    { kind: "awareness", section: "p1-access", update: new Uint8Array([0, 1, 255, 10, 13]) },
    { kind: "awarenessQuery", section: "intro-overview" },
    { kind: "event", name: "comment", data: { sectionId: "p1-access", text: "a\nb\u2028" } },
  ];

  it.each(messages)("carry a $kind message unchanged, binary bytes included", (message) => {
    const frame = decodeRelayFrame(encodeRelayFrame({ instance: "instance-a", message }));
    expect(frame).toEqual({ instance: "instance-a", message });
  });

  it("refuse a truncated frame, trailing bytes, an unknown version or kind", () => {
    const bytes = encodeRelayFrame({ instance: "a", message: messages[0]! });
    expect(() => decodeRelayFrame(bytes.subarray(0, bytes.length - 3))).toThrow(/truncated/);
    expect(() => decodeRelayFrame(new Uint8Array([...bytes, 0]))).toThrow(/trailing/);
    expect(() => decodeRelayFrame(new Uint8Array([2, ...bytes.subarray(1)]))).toThrow(/version/);
    expect(() => decodeRelayFrame(new Uint8Array([1, 1, 97, 9]))).toThrow(/unknown kind/);
    expect(() => decodeRelayFrame(new Uint8Array([]))).toThrow(/Malformed relay frame/);
  });

  it("never read past a frame that is a view into a larger buffer", () => {
    const bytes = encodeRelayFrame({ instance: "a", message: messages[0]! });
    const pool = new Uint8Array(bytes.length + 64).fill(7);
    pool.set(bytes);
    const view = pool.subarray(0, bytes.length - 10);
    expect(() => decodeRelayFrame(view)).toThrow(/truncated/);
  });

  it("refuse an event whose name could break the event stream, or whose data is not JSON", () => {
    expect(() =>
      encodeRelayFrame({ instance: "a", message: { kind: "event", name: "x\ndata: 1", data: 1 } }),
    ).toThrow(/Invalid event name/);
    const frame = encodeRelayFrame({
      instance: "a",
      message: { kind: "event", name: "comment", data: 1 },
    });
    // The JSON "1" made "{": a frame of the same length that does not parse.
    const broken = frame.slice();
    broken[broken.length - 1] = "{".charCodeAt(0);
    expect(() => decodeRelayFrame(broken)).toThrow(/Malformed relay frame/);
  });
});
