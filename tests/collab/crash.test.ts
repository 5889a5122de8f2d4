import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { CollabClient } from "../support/collabClient";
import { connectCollabClient, randomEdit, seededRandom, waitFor } from "../support/collabClient";
import { loginAs, type ServerProcess, startServerProcess } from "../support/serverProcess";

const SECTION = "p2-human-rights";
const KILL_CYCLES = 4;
const TYPISTS = 3;

function integrityCheck(dataDir: string): string {
  const db = new Database(join(dataDir, "rapporteur.db"), { readonly: true });
  try {
    return db.pragma("integrity_check", { simple: true }) as string;
  } finally {
    db.close();
  }
}

/** Applies `updates` to a copy of `doc`; true when that changes nothing. */
function containsAll(doc: Y.Doc, updates: Uint8Array[]): boolean {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = { sv: Y.encodeStateVector(copy), text: copy.getXmlFragment("default").toString() };
  for (const update of updates) Y.applyUpdate(copy, update);
  const after = { sv: Y.encodeStateVector(copy), text: copy.getXmlFragment("default").toString() };
  copy.destroy();
  return Buffer.from(before.sv).equals(Buffer.from(after.sv)) && before.text === after.text;
}

describe("the server killed with SIGKILL while clients type", () => {
  let server: ServerProcess | undefined;
  const clients: CollabClient[] = [];
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.kill();
  });

  it(`keeps every update a client had received, over ${KILL_CYCLES} kill cycles`, async () => {
    server = await startServerProcess();
    const dataDir = server.dataDir;
    // Sessions are stored in the database: the cookie stays valid across the restarts.
    const cookie = await loginAs(server.url, "drafter");
    const seed = Date.now() % 100_000;
    for (let cycle = 0; cycle < KILL_CYCLES; cycle++) {
      const typists = Array.from({ length: TYPISTS }, () =>
        connectCollabClient(server!.url, SECTION, { cookie }),
      );
      clients.push(...typists);
      await Promise.all(typists.map((t) => t.synced));

      let typing = true;
      const loops = typists.map(async (typist, i) => {
        const random = seededRandom(seed * 10 + cycle * TYPISTS + i);
        while (typing) {
          randomEdit(typist.fragment, random, `c${cycle}t${i}w`);
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      });
      // Kill at a varying moment once the server has broadcast some edits.
      await waitFor(
        () => typists.every((t) => t.received.length > 20 + cycle * 15),
        "typists to receive edits from the server",
      );
      await server.kill("SIGKILL");
      typing = false;
      await Promise.all(loops);
      const receivedBeforeKill = typists.map((t) => t.received.slice());
      for (const typist of typists) typist.destroy();

      expect(integrityCheck(dataDir), `cycle ${cycle}`).toBe("ok");

      server = await startServerProcess({ dataDir });
      const reader = connectCollabClient(server.url, SECTION, { cookie });
      clients.push(reader);
      await reader.synced;
      receivedBeforeKill.forEach((received, i) => {
        expect(received.length).toBeGreaterThan(0);
        expect(containsAll(reader.doc, received), `cycle ${cycle}, typist ${i}, seed ${seed}`).toBe(
          true,
        );
      });
      reader.destroy();
    }
    // The restored section is served normally after the last restart.
    const last = connectCollabClient(server.url, SECTION, { cookie });
    clients.push(last);
    await last.synced;
    expect(last.fragment.length).toBeGreaterThan(0);
  }, 120_000);
});
