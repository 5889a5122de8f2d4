import { describe, expect, it } from "vitest";
import type { DocumentRelay, RelayListener, RelayMessage } from "./DocumentRelay";
import { reportRelay } from "./reportRelay";

/** Two instances' relays joined by an in-memory bus: what one publishes, the other hears. */
function pairedRelays(): [DocumentRelay, DocumentRelay, string[][]] {
  const listeners: RelayListener[][] = [[], []];
  const subscribed: string[][] = [[], []];
  const make = (self: number): DocumentRelay => {
    const other = 1 - self;
    const deliver = (message: RelayMessage) => {
      if (message.kind !== "event" && !subscribed[other]?.includes(message.section)) return;
      for (const listener of listeners[other] ?? []) listener(message);
    };
    return {
      listen(listener) {
        listeners[self]?.push(listener);
        return () => {};
      },
      onReconnect: () => () => {},
      publishUpdate: async (section, update, seq) =>
        deliver({ kind: "update", section, update, seq }),
      publishAwareness: async (section, update) => deliver({ kind: "awareness", section, update }),
      queryAwareness: async (section) => deliver({ kind: "awarenessQuery", section }),
      publishEvent: async (name, data) => deliver({ kind: "event", name, data }),
      subscribe: async (section) => {
        subscribed[self]?.push(section);
      },
      unsubscribe: async () => {},
      close: async () => {},
    };
  };
  return [make(0), make(1), subscribed];
}

describe("reportRelay", () => {
  it("keeps two reports' sections of the same id apart, and the first report's channels as before", async () => {
    const [a, b, subscribed] = pairedRelays();
    const heard: Record<string, RelayMessage[]> = { first: [], second: [] };
    const firstOnB = reportRelay(b, 1);
    const secondOnB = reportRelay(b, 2);
    firstOnB.listen((m) => heard.first?.push(m));
    secondOnB.listen((m) => heard.second?.push(m));
    await firstOnB.subscribe("p1-access");
    await secondOnB.subscribe("p1-access");
    expect(subscribed[1]).toEqual(["p1-access", "2/p1-access"]);

    const update = new Uint8Array([1, 2, 3]);
    await reportRelay(a, 2).publishUpdate("p1-access", update, 7);
    await reportRelay(a, 1).publishAwareness("p1-access", update);

    expect(heard.second).toEqual([{ kind: "update", section: "p1-access", update, seq: 7 }]);
    expect(heard.first).toEqual([{ kind: "awareness", section: "p1-access", update }]);
  });

  it("delivers a report's events only to the same report on the other instance", async () => {
    const [a, b] = pairedRelays();
    const heard: RelayMessage[] = [];
    const other: RelayMessage[] = [];
    reportRelay(b, 3).listen((m) => heard.push(m));
    reportRelay(b, 1).listen((m) => other.push(m));
    await reportRelay(a, 3).publishEvent("comment", { id: 9 });
    expect(heard).toEqual([{ kind: "event", name: "comment", data: { id: 9 } }]);
    expect(other).toEqual([]);
  });
});
