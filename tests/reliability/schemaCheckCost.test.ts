// What checking updates against the schema costs on the hot path: a 5,000-word section, edits as
// the editor makes them (typing, a new paragraph, bold, a pasted block, a new table), each through
// the server's Document pipeline (decode, shadow copy, schema check, size bound). Prints the
// figures of docs/RELIABILITY.md; times are not asserted (the machine is shared), only that every
// legitimate edit of a large section is taken.
import {
  checkFragment,
  checkTransaction,
  FRAGMENT_NAME,
  repairYDoc,
  replaceYDocContent,
} from "@rapporteur/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { Document } from "../../apps/server/src/collab/Document";
import { generateSection } from "../bench/generateSection";
import { summarize } from "../bench/stats";
import { seededRandom } from "../support/collabClient";

const WORDS = 5_000;

/** Every text node of the fragment, depth first. */
function texts(type: Y.XmlFragment, found: Y.XmlText[] = []): Y.XmlText[] {
  for (const child of type.toArray()) {
    if (child instanceof Y.XmlText) found.push(child);
    else if (child instanceof Y.XmlElement) texts(child, found);
  }
  return found;
}

/** One edit as the editor makes it, on the client's copy. */
type Edit = (fragment: Y.XmlFragment, random: () => number) => void;

const EDITS: Record<string, Edit> = {
  "type a character": (fragment, random) => {
    const all = texts(fragment);
    const text = all[Math.floor(random() * all.length)]!;
    text.insert(Math.floor(random() * (text.length + 1)), "e");
  },
  "new paragraph": (fragment, random) => {
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText("A new paragraph of the section.")]);
    fragment.insert(Math.floor(random() * (fragment.length + 1)), [paragraph]);
  },
  "make a word bold": (fragment, random) => {
    const all = texts(fragment).filter((t) => t.length > 10);
    const text = all[Math.floor(random() * all.length)]!;
    text.format(Math.floor(random() * (text.length - 8)), 6, { bold: {} });
  },
  "paste 20 paragraphs": (fragment, random) => {
    const pasted = Array.from({ length: 20 }, (_, i) => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(`Pasted paragraph ${i} about broadband and skills.`)]);
      return paragraph;
    });
    fragment.insert(Math.floor(random() * (fragment.length + 1)), pasted);
  },
  "insert a 3x3 table": (fragment, random) => {
    const table = new Y.XmlElement("table");
    table.insert(
      0,
      Array.from({ length: 3 }, () => {
        const row = new Y.XmlElement("tableRow");
        row.insert(
          0,
          Array.from({ length: 3 }, () => {
            const cell = new Y.XmlElement("tableCell");
            cell.setAttribute("colspan", 1 as never);
            cell.setAttribute("rowspan", 1 as never);
            const paragraph = new Y.XmlElement("paragraph");
            paragraph.insert(0, [new Y.XmlText("42")]);
            cell.insert(0, [paragraph]);
            return cell;
          }),
        );
        return row;
      }),
    );
    fragment.insert(Math.floor(random() * (fragment.length + 1)), [table]);
  },
};

const format = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;

describe("schema check cost", () => {
  it(`checks each edit of a ${WORDS.toLocaleString("en")}-word section and takes all of them`, async () => {
    const section = generateSection(WORDS, 7);
    const client = new Y.Doc();
    replaceYDocContent(client, section.doc);
    const state = Y.encodeStateAsUpdate(client);
    const stored: Uint8Array[] = [];
    const document = new Document(
      "p1-context",
      {
        storeUpdate: async (_d, update) => {
          stored.push(update);
          return stored.length;
        },
        changed: () => {},
        failed: () => {},
        damaged: () => {},
      },
      { maxBytes: 16 * 1024 * 1024 },
    );
    Y.applyUpdate(document.ydoc, state);
    document.ready();

    // A replica that measures the schema check alone (the rest is the shadow copy's integration).
    const replica = new Y.Doc();
    replica.getXmlFragment(FRAGMENT_NAME);
    Y.applyUpdate(replica, state);
    let checkMs = 0;
    replica.on("afterTransaction", (transaction: Y.Transaction) => {
      const start = performance.now();
      expect(checkTransaction(transaction)).toEqual({ ok: true });
      checkMs += performance.now() - start;
    });

    const lines: string[] = [
      `${WORDS}-word section: ${state.byteLength} bytes of Yjs state, ` +
        `${client.getXmlFragment(FRAGMENT_NAME).length} top-level blocks`,
    ];
    const fullRuns: number[] = [];
    const repairRuns: number[] = [];
    for (let i = 0; i < 20; i++) {
      const start = performance.now();
      expect(checkFragment(replica.getXmlFragment(FRAGMENT_NAME))).toEqual({ ok: true });
      fullRuns.push(performance.now() - start);
      const repairStart = performance.now();
      expect(repairYDoc(replica).dropped).toEqual([]);
      repairRuns.push(performance.now() - repairStart);
    }
    lines.push(
      `full check on load (20x): p50 ${format(summarize(fullRuns).p50)}, first ${format(fullRuns[0]!)}; ` +
        `repair pass finding nothing: p50 ${format(summarize(repairRuns).p50)}`,
    );

    const random = seededRandom(99);
    const fragment = client.getXmlFragment(FRAGMENT_NAME);
    for (const [name, edit] of Object.entries(EDITS)) {
      const runs = name === "type a character" ? 500 : 50;
      const pipeline: number[] = [];
      const check: number[] = [];
      for (let i = 0; i < runs; i++) {
        const before = Y.encodeStateVector(client);
        edit(fragment, random);
        const update = Y.encodeStateAsUpdate(client, before);
        const start = performance.now();
        // Throws on a refusal; false only for an edit that changed nothing (bold on bold).
        document.receiveUpdate(update, null);
        pipeline.push(performance.now() - start);
        checkMs = 0;
        Y.applyUpdate(replica, update);
        check.push(checkMs);
      }
      await document.whenSettled();
      const p = summarize(pipeline);
      const c = summarize(check);
      lines.push(
        `${name} (${runs}x): whole validation p50 ${format(p.p50)}, p95 ${format(p.p95)}, ` +
          `max ${format(p.max)}; schema check alone p50 ${format(c.p50)}, p95 ${format(c.p95)}`,
      );
    }
    console.log(`RELIABILITY: schemaCheckCost\n  ${lines.join("\n  ")}`);
    // Every legitimate edit was stored, and the live section is the client's.
    expect(document.ydoc.getXmlFragment(FRAGMENT_NAME).toString()).toBe(fragment.toString());
    document.destroy();
  });
});
