// A seeded random simulation of clients that drop off, keep editing offline and come back.
// CHAOS_SEED=<n> replays a run; SOAK=1 runs ten times as many rounds (`pnpm soak`).
import { afterAll, describe, expect, it } from "vitest";
import type { CollabClient } from "../support/collabClient";
import { connectCollabClient, randomEdit, seededRandom, waitFor } from "../support/collabClient";
import { loginAs, type ServerProcess, startServerProcess } from "../support/serverProcess";
import { sameDocument } from "./typingSession";

const SEED = Number(process.env.CHAOS_SEED ?? Date.now() % 1_000_000);
const ROUNDS = process.env.SOAK ? 2_000 : 200;
const SECTIONS = ["p1-governance", "p3-opportunities"];
const CLIENTS_PER_SECTION = 4;

describe("convergence under chaos", () => {
  let server: ServerProcess;
  const clients: (CollabClient & { section: string; online: boolean })[] = [];
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
  });

  it(
    "ends with the same content in every client and on the server",
    async () => {
      const random = seededRandom(SEED);
      server = await startServerProcess({ env: { RAPPORTEUR_COMPACT_EVERY: "60" } });
      const cookie = await loginAs(server.url, "drafter");
      for (const section of SECTIONS) {
        for (let i = 0; i < CLIENTS_PER_SECTION; i++) {
          clients.push({
            ...connectCollabClient(server.url, section, { cookie }),
            section,
            online: true,
          });
        }
      }
      await Promise.all(clients.map((c) => c.synced));

      const counts = { edits: 0, offlineEdits: 0, disconnects: 0, reconnects: 0 };
      for (let round = 0; round < ROUNDS; round++) {
        for (const [i, client] of clients.entries()) {
          const roll = random();
          if (roll < 0.08 && client.online) {
            client.provider.disconnect();
            client.online = false;
            counts.disconnects++;
          } else if (roll < 0.2 && !client.online) {
            client.provider.connect();
            client.online = true;
            counts.reconnects++;
          } else if (roll < 0.7) {
            const edits = 1 + Math.floor(random() * 4);
            for (let e = 0; e < edits; e++) randomEdit(client.fragment, random, `c${i}r${round}w`);
            counts.edits += edits;
            if (!client.online) counts.offlineEdits += edits;
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.floor(random() * 20)));
      }
      for (const client of clients) {
        if (!client.online) client.provider.connect();
        client.online = true;
      }

      for (const section of SECTIONS) {
        const mine = clients.filter((c) => c.section === section);
        await waitFor(
          () => mine.every((c) => c.provider.synced && sameDocument(c.doc, mine[0]!.doc)),
          `${section}: clients to converge (seed ${SEED})`,
          30_000,
        );
        const fresh = connectCollabClient(server.url, section, { cookie });
        await fresh.synced;
        await waitFor(
          () => sameDocument(fresh.doc, mine[0]!.doc),
          `${section}: the server to hold what the clients hold (seed ${SEED})`,
        );
        expect(fresh.fragment.toString()).toBe(mine[0]!.fragment.toString());
        expect(fresh.fragment.length).toBeGreaterThan(0);
        fresh.destroy();
      }
      console.log(
        `RELIABILITY: chaos seed=${SEED} clients=${clients.length} rounds=${ROUNDS} ` +
          `edits=${counts.edits} offlineEdits=${counts.offlineEdits} ` +
          `disconnects=${counts.disconnects} reconnects=${counts.reconnects} diverged=0`,
      );
    },
    ROUNDS * 1_500,
  );
});
