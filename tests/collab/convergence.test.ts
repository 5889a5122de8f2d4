import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type CollabClient, randomEdit, seededRandom, waitFor } from "../support/collabClient";
import { serverSuite } from "../support/serverSuite";

const SECTION = "p1-access";
const EDITS_PER_CLIENT = 400;

describe("two y-websocket clients editing one section at once", () => {
  const suite = serverSuite({ roles: ["drafter"] });

  it("converge, and a client joining later gets the same content", async () => {
    const seed = Date.now() % 100_000;
    const a = suite.connect(SECTION, "drafter");
    const b = suite.connect(SECTION, "drafter");
    await Promise.all([a.synced, b.synced]);

    const edit = async (client: CollabClient, tag: string, random: () => number) => {
      for (let i = 0; i < EDITS_PER_CLIENT; i++) {
        randomEdit(client.fragment, random, tag);
        // Yield now and then so that both clients' messages interleave on the wire.
        if (i % 5 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    };
    await Promise.all([
      edit(a, "alpha", seededRandom(seed)),
      edit(b, "beta", seededRandom(seed + 1)),
    ]);

    const sameState = (x: Y.Doc, y: Y.Doc) =>
      Buffer.from(Y.encodeStateVector(x)).equals(Buffer.from(Y.encodeStateVector(y)));
    await waitFor(() => sameState(a.doc, b.doc), `clients to converge (seed ${seed})`);
    const content = a.fragment.toString();
    expect(b.fragment.toString(), `seed ${seed}`).toBe(content);
    expect(content).toMatch(/alpha\d/);
    expect(content).toMatch(/beta\d/);

    const c = suite.connect(SECTION, "drafter");
    await c.synced;
    await waitFor(() => sameState(c.doc, a.doc), "the late client to catch up");
    expect(c.fragment.toString()).toBe(content);
    expect(c.fragment.length).toBe(a.fragment.length);
  });
});
