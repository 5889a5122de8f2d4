// The server killed with SIGKILL at random moments while clients type, restarted on the same data
// each time. KILL_CYCLES=<n> or SOAK=1 (200 cycles) for longer runs: `pnpm soak`.
import { afterAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { CollabClient } from "../support/collabClient";
import { connectCollabClient, randomEdit, seededRandom, waitFor } from "../support/collabClient";
import { integrityCheck } from "../support/databaseSnapshot";
import { loginAs, type ServerProcess, startServerProcess } from "../support/serverProcess";
import { sameDocument } from "./typingSession";

const CYCLES = Number(process.env.KILL_CYCLES ?? (process.env.SOAK ? 200 : 20));
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
const SECTIONS = ["p2-human-rights", "p2-governance"];
const TYPISTS_PER_SECTION = 2;

/** Whether `doc` already holds everything in `update` (applying it to a copy changes nothing). */
function contains(doc: Y.Doc, update: Uint8Array): boolean {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  Y.applyUpdate(copy, update);
  const same = sameDocument(copy, doc);
  copy.destroy();
  return same;
}

/** How many of `updates` are missing from `doc` (0 when all are there). */
function missing(doc: Y.Doc, updates: Uint8Array[]): number {
  if (updates.length === 0 || contains(doc, Y.mergeUpdates(updates))) return 0;
  return updates.filter((update) => !contains(doc, update)).length;
}

const wsBase = (server: ServerProcess) => `${server.url.replace(/^http/, "ws")}/collab`;

describe("SIGKILL at random moments while clients type", () => {
  let server: ServerProcess | undefined;
  const typists: (CollabClient & { section: string })[] = [];
  afterAll(async () => {
    for (const typist of typists) typist.destroy();
    await server?.kill();
  });

  it(
    `loses no broadcast edit over ${CYCLES} kill cycles and converges`,
    async () => {
      const random = seededRandom(SEED);
      // Compact often, so that kills also land during compactions.
      const env = { RAPPORTEUR_COMPACT_EVERY: "40" };
      server = await startServerProcess({ env });
      const dataDir = server.dataDir;
      // Sessions are stored: the cookie stays valid across restarts.
      const cookie = await loginAs(server.url, "drafter");
      for (const section of SECTIONS) {
        for (let i = 0; i < TYPISTS_PER_SECTION; i++) {
          typists.push({ ...connectCollabClient(server.url, section, { cookie }), section });
        }
      }
      let typing = true;
      const loops = typists.map(async (typist, i) => {
        const own = seededRandom(SEED * 7 + i);
        while (typing) {
          // Typed online and, while the server is down, offline.
          randomEdit(typist.fragment, own, `t${i}w`);
          await new Promise((resolve) => setTimeout(resolve, 8 + Math.floor(own() * 8)));
        }
      });

      let lost = 0;
      let checked = 0;
      for (let cycle = 0; cycle < CYCLES; cycle++) {
        await waitFor(
          () => typists.every((t) => t.provider.synced),
          `typists to sync (cycle ${cycle})`,
          30_000,
        );
        // A random moment: right away, or after some edits went through the server.
        const wanted = typists.map((t) => t.received.length + Math.floor(random() * 25));
        await waitFor(
          () => typists.every((t, i) => t.received.length >= wanted[i]!),
          `edits to flow (cycle ${cycle})`,
        );
        await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 100)));
        await server.kill("SIGKILL");
        for (const typist of typists) typist.provider.disconnect();
        const received = typists.map((t) => t.received.slice());

        expect(integrityCheck(dataDir), `integrity after kill ${cycle}, seed ${SEED}`).toBe("ok");
        server = await startServerProcess({ dataDir, env });

        // What the restarted server holds, before the typists send anything again.
        for (const section of SECTIONS) {
          const reader = connectCollabClient(server.url, section, { cookie });
          await reader.synced;
          typists.forEach((typist, i) => {
            if (typist.section !== section) return;
            checked += received[i]!.length;
            lost += missing(reader.doc, received[i]!);
          });
          reader.destroy();
        }
        expect(lost, `edits lost by cycle ${cycle}, seed ${SEED}`).toBe(0);
        for (const typist of typists) {
          typist.provider.serverUrl = wsBase(server);
          typist.provider.connect();
        }
      }
      typing = false;
      await Promise.all(loops);

      // Everyone, and a fresh client, end with the same content.
      for (const section of SECTIONS) {
        const mine = typists.filter((t) => t.section === section);
        const reader = connectCollabClient(server.url, section, { cookie });
        await reader.synced;
        await waitFor(
          () => mine.every((t) => sameDocument(t.doc, reader.doc)),
          `${section} to converge (seed ${SEED})`,
          30_000,
        );
        expect(reader.fragment.length).toBeGreaterThan(0);
        reader.destroy();
      }
      console.log(
        `RELIABILITY: crashRecovery seed=${SEED} killCycles=${CYCLES} typists=${typists.length} ` +
          `updatesChecked=${checked} editsLost=${lost} integrityChecks=${CYCLES}`,
      );
    },
    120_000 + CYCLES * 10_000,
  );
});
