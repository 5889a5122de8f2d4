// Protocol fuzzing of the collaboration server from authenticated connections: random,
// truncated, corrupted, oversized, reordered and wrongly typed y-protocols messages. Every message
// is followed by a probe (sync step 1) on the same connection, so the test knows whether the
// server took it or closed the connection. SOAK=1 multiplies the message counts by 10.
import fc from "fast-check";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type CollabClient, connectCollabClient, waitFor } from "../support/collabClient";
import { storedDocument } from "../support/databaseSnapshot";
import { mib, settledRssBytes } from "../support/processMemory";
import {
  awarenessMessage,
  awarenessUpdate,
  type CloseInfo,
  RawCollabSocket,
  syncMessage,
} from "../support/rawCollabSocket";
import { loginAs, type ServerProcess, startServerProcess } from "../support/serverProcess";
import { documentOf, sameDocument, typingSession } from "./typingSession";

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000_000);
const SCALE = process.env.SOAK ? 10 : 1;
const MAX_MESSAGE_BYTES = 64 * 1024;
/** ws cuts frames beyond max(2 × limit, limit + 1 MiB) before buffering them (1009). */
const MAX_PAYLOAD = Math.max(2 * MAX_MESSAGE_BYTES, MAX_MESSAGE_BYTES + 1024 * 1024);
const FUZZ_SECTIONS = ["p1-context", "p1-technology", "p1-ecosystem", "p1-sectors"];
const REORDER_SECTION = "p2-equality";
const CONTROL_SECTION = "p3-innovation";
/** Growth of the server's RSS over the campaign that still counts as "back to baseline". */
const RSS_BOUND = 96 * 1024 * 1024;

/** One fuzz message and what the test knows of it. */
interface FuzzCase {
  kind: string;
  bytes: Uint8Array;
}

/** What the protocol allows: "invalid" must be refused; "valid" may be taken (or fail to apply). */
type Expectation = "invalid" | "valid";

function concat(...parts: (Uint8Array | readonly number[])[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((part) => [...part]));
}

function varUint(value: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, value);
  return encoding.toUint8Array(encoder);
}

/**
 * An independent reading of the y-websocket protocol: whether `frame` decodes fully (known type,
 * exact lengths, no trailing bytes, a decodable state vector, update or awareness update).
 */
function expectation(frame: Uint8Array): Expectation {
  try {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    const payload = () => {
      const length = decoding.readVarUint(decoder);
      if (length > frame.length - decoder.pos) throw new Error("truncated");
      const bytes = decoding.readUint8Array(decoder, length).slice();
      if (decoding.hasContent(decoder)) throw new Error("trailing bytes");
      return bytes;
    };
    if (type === 0) {
      const syncType = decoding.readVarUint(decoder);
      if (syncType > 2) return "invalid";
      const body = payload();
      if (syncType === 0) Y.decodeStateVector(body);
      else Y.decodeUpdate(body);
      return "valid";
    }
    if (type === 1) {
      const inner = decoding.createDecoder(payload());
      const count = decoding.readVarUint(inner);
      for (let i = 0; i < count; i++) {
        decoding.readVarUint(inner);
        decoding.readVarUint(inner);
        const state: unknown = JSON.parse(decoding.readVarString(inner));
        if (state !== null && typeof state !== "object") return "invalid";
      }
      return decoding.hasContent(inner) ? "invalid" : "valid";
    }
    if (type === 3) return decoding.hasContent(decoder) ? "invalid" : "valid";
    return "invalid";
  } catch {
    return "invalid";
  }
}

/** Every fuzz message of one campaign, generated from `seed` with fast-check. */
function fuzzCases(seed: number): { cases: FuzzCase[]; oversized: FuzzCase[] } {
  const session = typingSession(424_242, 40, seed);
  const updates = session.updates;
  const merged = Y.mergeUpdates(updates);
  const awareness = awarenessMessage(
    awarenessUpdate(777, 1, JSON.stringify({ user: { name: "Fuzz", color: "#336699" } })),
  );
  const bases: Uint8Array[] = [
    syncMessage(0, Y.encodeStateVector(session.doc)),
    syncMessage(1, merged),
    syncMessage(2, updates[updates.length - 1]!),
    syncMessage(2, updates[0]!),
    awareness,
  ];
  const updatePayloads = [merged, ...updates.slice(0, 10)];
  const sample = <T>(arbitrary: fc.Arbitrary<T>, numRuns: number, salt: number): T[] =>
    fc.sample(arbitrary, { numRuns: numRuns * SCALE, seed: seed + salt });
  const bytes = (maxLength: number) => fc.uint8Array({ maxLength });
  const payloadIndex = fc.integer({ min: 0, max: updatePayloads.length - 1 });
  const cases: FuzzCase[] = [];
  const add = (kind: string, list: Uint8Array[]) => {
    for (const frame of list) cases.push({ kind, bytes: frame });
  };

  add("random bytes", sample(bytes(400), 800, 1));
  add(
    "random bytes after a known type",
    sample(
      fc
        .tuple(fc.constantFrom([0], [0, 0], [0, 1], [0, 2], [1], [3]), bytes(300))
        .map(([head, tail]) => concat(head, tail)),
      800,
      2,
    ),
  );
  // Valid messages cut at every length.
  for (const base of bases) {
    add(
      "truncated",
      Array.from({ length: base.length }, (_, n) => base.slice(0, n)),
    );
  }
  add(
    "corrupted update",
    sample(
      fc
        .record({
          payload: payloadIndex,
          syncType: fc.constantFrom(1, 2),
          edits: fc.array(
            fc.record({
              at: fc.nat(),
              value: fc.integer({ min: 0, max: 255 }),
              how: fc.constantFrom("set", "insert", "delete"),
            }),
            { minLength: 1, maxLength: 4 },
          ),
        })
        .map(({ payload, syncType, edits }) => {
          const body = [...updatePayloads[payload]!];
          for (const edit of edits) {
            const at = edit.at % Math.max(1, body.length);
            if (edit.how === "set") body[at] = edit.value;
            else if (edit.how === "insert") body.splice(at, 0, edit.value);
            else body.splice(at, 1);
          }
          return syncMessage(syncType, Uint8Array.from(body));
        }),
      2000,
      3,
    ),
  );
  add(
    "wrong varint length",
    sample(
      fc
        .record({
          base: fc.integer({ min: 0, max: bases.length - 1 }),
          delta: fc.integer({ min: -8, max: 8 }).filter((d) => d !== 0),
        })
        .map(({ base, delta }) => {
          const frame = bases[base]!;
          const decoder = decoding.createDecoder(frame);
          const type = decoding.readVarUint(decoder);
          if (type === 0) decoding.readVarUint(decoder);
          const head = frame.slice(0, decoder.pos);
          const body = decoding.readVarUint8Array(decoder);
          return concat(head, varUint(Math.max(0, body.length + delta)), body);
        }),
      400,
      4,
    ),
  );
  add(
    "unknown message type",
    sample(
      fc.oneof(
        fc
          .tuple(fc.integer({ min: 4, max: 2 ** 31 }), bytes(40))
          .map(([type, tail]) => concat(varUint(type), tail)),
        fc
          .tuple(fc.integer({ min: 3, max: 2 ** 31 }), bytes(40))
          .map(([syncType, tail]) => concat([0], varUint(syncType), tail)),
        fc.constant(concat([2], varUint(3), [1, 2, 3])),
      ),
      300,
      5,
    ),
  );
  add(
    "awareness with garbage",
    sample(
      fc.oneof(
        fc
          .tuple(
            fc.integer({ min: 1, max: 2 ** 31 }),
            fc.nat(),
            fc.oneof(
              fc.string({ maxLength: 60 }),
              fc.json({ maxDepth: 2 }),
              fc.constantFrom("{", "nul", "[1,2", '"x"', "1", "true", "{}", "null", "{'a':1}"),
            ),
          )
          .map(([client, clock, json]) => awarenessMessage(awarenessUpdate(client, clock, json))),
        // Declared counts that do not match, trailing bytes, no state at all.
        fc
          .tuple(fc.integer({ min: 2, max: 50 }), bytes(30))
          .map(([count, tail]) =>
            awarenessMessage(concat(varUint(count), awarenessUpdate(1, 1, "{}").slice(1), tail)),
          ),
        bytes(60).map((tail) => awarenessMessage(tail)),
      ),
      600,
      6,
    ),
  );
  const huge = fc.constantFrom(2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 40, Number.MAX_SAFE_INTEGER);
  add(
    "huge declared length",
    sample(
      fc.oneof(
        fc
          .tuple(fc.constantFrom([0, 0], [0, 1], [0, 2], [1]), huge, bytes(20))
          .map(([head, length, tail]) => concat(head, varUint(length), tail)),
        // A varint that never ends within 53 bits.
        fc
          .tuple(fc.constantFrom([0, 1], [0, 2], [1]), fc.integer({ min: 8, max: 16 }))
          .map(([head, n]) => concat(head, Array(n).fill(0xff), [1])),
        // Counts inside the update: clients, structs, delete-set ranges.
        fc
          .tuple(huge, huge, bytes(20))
          .map(([clients, structs, tail]) =>
            syncMessage(2, concat(varUint(clients), varUint(structs), tail)),
          ),
      ),
      200,
      7,
    ),
  );
  add(
    "wrongly typed",
    sample(
      fc.oneof(
        payloadIndex.map((i) => syncMessage(0, updatePayloads[i]!)),
        payloadIndex.map((i) => awarenessMessage(updatePayloads[i]!)),
        fc.constant(syncMessage(2, Y.encodeStateVector(session.doc))),
        fc.constant(syncMessage(1, awarenessUpdate(5, 1, "{}"))),
        bytes(20).map((tail) => concat([3], tail)),
      ),
      200,
      8,
    ),
  );
  add(
    "valid",
    updates.slice(0, 20).map((u) => syncMessage(2, u)),
  );
  const oversized: FuzzCase[] = [];
  for (const size of [MAX_MESSAGE_BYTES + 1, MAX_MESSAGE_BYTES + 4096, MAX_PAYLOAD - 10]) {
    oversized.push({ kind: "oversized", bytes: concat([0, 2], new Uint8Array(size)) });
  }
  oversized.push({ kind: "oversized", bytes: new Uint8Array(MAX_PAYLOAD + 4096) });
  // Interleave the kinds so that every section sees every kind.
  const shuffled = fc.sample(fc.shuffledSubarray(cases, { minLength: cases.length }), {
    numRuns: 1,
    seed,
  })[0]!;
  return { cases: shuffled, oversized };
}

/** What one fuzz worker saw on its section. */
interface WorkerResult {
  section: string;
  sent: number;
  refused: number;
  closeCodes: Record<number, number>;
  failures: string[];
}

/** The update carried by a sync step 2 or update message, if it is one. */
function carriedUpdate(frame: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(frame);
  if (decoding.readVarUint(decoder) !== 0) return null;
  const syncType = decoding.readVarUint(decoder);
  if (syncType !== 1 && syncType !== 2) return null;
  return decoding.readVarUint8Array(decoder).slice();
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes.slice(0, 64)).toString("hex");

async function fuzzSection(
  server: ServerProcess,
  cookie: string,
  section: string,
  cases: FuzzCase[],
): Promise<WorkerResult> {
  const result: WorkerResult = {
    section,
    sent: 0,
    refused: 0,
    closeCodes: {},
    failures: [],
  };
  const open = async () => {
    const socket = await RawCollabSocket.open(server.url, section, cookie);
    const state = await socket.sendAndProbe();
    if (!(state instanceof Uint8Array)) throw new Error(`${section}: probe refused`);
    return { socket, state };
  };
  let { socket, state } = await open();
  for (const fuzz of cases) {
    const expected = expectation(fuzz.bytes);
    result.sent++;
    const isStep1 = fuzz.bytes[0] === 0 && fuzz.bytes[1] === 0 && expected === "valid";
    const answer = await socket.sendAndProbe(fuzz.bytes, { answers: isStep1 ? 1 : 0 });
    if (answer instanceof Uint8Array) {
      if (expected === "invalid") {
        result.failures.push(`${fuzz.kind}: accepted a malformed message ${hex(fuzz.bytes)}`);
      }
      // The probe was answered before the update was stored and applied; a second one is not.
      const settled = carriedUpdate(fuzz.bytes) ? await socket.sendAndProbe() : answer;
      if (!(settled instanceof Uint8Array)) {
        result.failures.push(`${fuzz.kind}: closed after being accepted (${settled.code})`);
        ({ socket, state } = await open());
      } else state = settled;
      continue;
    }
    const close: CloseInfo = answer;
    result.refused++;
    result.closeCodes[close.code] = (result.closeCodes[close.code] ?? 0) + 1;
    const clear =
      (close.code === 4400 && /^(Malformed|Unknown)/.test(close.reason)) ||
      (close.code === 4413 && /exceeds the limit/.test(close.reason)) ||
      // A corrupted update can decode into structures the schema does not have (schemaFuzz).
      (close.code === 4422 && /does not fit the document schema/.test(close.reason)) ||
      // ws refuses a frame above its hard cap from the header alone: 1009 "message too big".
      close.code === 1009;
    if (!clear) {
      result.failures.push(
        `${fuzz.kind}: closed with ${close.code} "${close.reason}" for ${hex(fuzz.bytes)}`,
      );
    }
    if (
      expected === "valid" &&
      !/does not apply|Malformed update|does not fit the document schema/.test(close.reason)
    ) {
      result.failures.push(`${fuzz.kind}: refused a valid message (${close.reason})`);
    }
    // A refused message changes nothing: the server's whole document is the same, byte for byte.
    const before = state;
    ({ socket, state } = await open());
    if (!Buffer.from(state).equals(Buffer.from(before))) {
      result.failures.push(
        `${fuzz.kind}: a refused message changed the section: ${hex(fuzz.bytes)}`,
      );
    }
  }
  socket.close();
  return result;
}

/** The server's whole document `section`, read by a fresh connection. */
async function serverDocument(server: ServerProcess, cookie: string, section: string) {
  const socket = await RawCollabSocket.open(server.url, section, cookie);
  const state = await socket.sendAndProbe();
  socket.close();
  if (!(state instanceof Uint8Array)) throw new Error(`${section}: refused ${state.reason}`);
  return documentOf(state);
}

/** Polls the server's document `section` until `done` holds for it; resolves with it. */
async function pollServer(
  server: ServerProcess,
  cookie: string,
  section: string,
  done: (doc: Y.Doc) => boolean,
): Promise<Y.Doc> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const doc = await serverDocument(server, cookie, section);
    if (done(doc)) return doc;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${section}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Whether applying `update` to a copy of `doc` would change nothing. */
function containsAll(doc: Y.Doc, update: Uint8Array): boolean {
  const copy = documentOf(Y.encodeStateAsUpdate(doc));
  Y.applyUpdate(copy, update);
  return sameDocument(copy, doc);
}

/** Gives `section` three paragraphs and waits until the server has them. */
async function seedSection(server: ServerProcess, cookie: string, section: string) {
  const doc = new Y.Doc();
  for (const word of ["Access", "and", "inclusion"]) {
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(`${word} in ${section}`)]);
    doc.getXmlFragment("default").push([paragraph]);
  }
  const socket = await RawCollabSocket.open(server.url, section, cookie);
  socket.send(syncMessage(2, Y.encodeStateAsUpdate(doc)));
  socket.close();
  await pollServer(server, cookie, section, (d) =>
    d.getXmlFragment("default").toString().includes("inclusion"),
  );
}

describe("protocol fuzzing from authenticated connections", () => {
  let server: ServerProcess;
  let cookie: string;
  const clients: CollabClient[] = [];
  beforeAll(async () => {
    server = await startServerProcess({
      env: {
        RAPPORTEUR_MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES),
        // The fuzzer answers every probe at once: the rate limit has its own test (limits).
        RAPPORTEUR_MAX_MESSAGES_PER_SECOND: "0",
        RAPPORTEUR_MAX_CONNECTIONS_PER_USER: "200",
      },
    });
    cookie = await loginAs(server.url, "drafter");
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
  });

  it(
    "refuses every malformed message clearly, changes nothing and keeps serving",
    async () => {
      // Sections start with content, so corrupted updates have something to refer to.
      for (const section of [...FUZZ_SECTIONS, CONTROL_SECTION]) {
        await seedSection(server, cookie, section);
      }
      const control = connectCollabClient(server.url, CONTROL_SECTION, { cookie });
      const reader = connectCollabClient(server.url, CONTROL_SECTION, { cookie });
      clients.push(control, reader);
      await Promise.all([control.synced, reader.synced]);
      expect(reader.fragment.toString()).toContain("inclusion");

      const { cases, oversized } = fuzzCases(SEED);
      const warmup = cases.splice(0, 200);
      const perSection = (list: FuzzCase[]) =>
        FUZZ_SECTIONS.map((_, i) => list.filter((_, j) => j % FUZZ_SECTIONS.length === i));
      const warm = await Promise.all(
        FUZZ_SECTIONS.map((section, i) =>
          fuzzSection(server, cookie, section, perSection(warmup)[i]!),
        ),
      );
      const pid = server.child.pid!;
      const rssBaseline = await settledRssBytes(pid);

      // A control client keeps editing another section all along.
      let controlEdits = 0;
      let fuzzing = true;
      const controlLoop = (async () => {
        while (fuzzing) {
          const paragraph = new Y.XmlElement("paragraph");
          paragraph.insert(0, [new Y.XmlText(`control ${controlEdits++}`)]);
          control.fragment.push([paragraph]);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();
      const results = await Promise.all(
        FUZZ_SECTIONS.map((section, i) =>
          fuzzSection(server, cookie, section, perSection(cases)[i]!),
        ),
      );
      results.push(await fuzzSection(server, cookie, FUZZ_SECTIONS[0]!, oversized));
      fuzzing = false;
      await controlLoop;
      await waitFor(
        () => reader.fragment.toString().includes(`control ${controlEdits - 1}<`),
        "the control reader to see every control edit",
      );

      // Reordered and repeated valid updates: the section ends with every one of them.
      let reordered = 0;
      const sessions = Array.from({ length: 3 * SCALE }, (_, round) =>
        typingSession(9_000 + round, 40, SEED + round),
      );
      for (const [round, session] of sessions.entries()) {
        const order = fc.sample(
          fc.shuffledSubarray(session.updates, { minLength: session.updates.length }),
          { numRuns: 1, seed: SEED + round },
        )[0]!;
        const socket = await RawCollabSocket.open(server.url, REORDER_SECTION, cookie);
        for (const update of [...order, ...order.slice(0, 10)]) {
          socket.send(syncMessage(2, update));
          reordered++;
        }
        const answer = await socket.sendAndProbe();
        expect(answer, `reordered round ${round}, seed ${SEED}`).toBeInstanceOf(Uint8Array);
        socket.close();
      }
      const expectedReordered = sessions.map((session) => session.doc);
      await pollServer(server, cookie, REORDER_SECTION, (doc) =>
        expectedReordered.every((typed) => containsAll(doc, Y.encodeStateAsUpdate(typed))),
      );

      const all = [...warm, ...results];
      const failures = all.flatMap((r) => r.failures.map((f) => `${r.section}: ${f}`));
      const serverErrors = server
        .output()
        .split("\n")
        .filter((line) => /collab: .*(dropped|failed)/.test(line));
      expect(failures.slice(0, 10), `seed ${SEED}\n${serverErrors.join("\n")}`).toEqual([]);
      expect(serverErrors, `seed ${SEED}`).toEqual([]);

      // What the server holds in memory is what it stored: a fresh client and the database agree.
      for (const section of FUZZ_SECTIONS) {
        const onServer = await serverDocument(server, cookie, section);
        expect(onServer.getXmlFragment("default").toString()).toContain("inclusion");
        expect(
          storedDocument(server.dataDir, section).getXmlFragment("default").toString(),
          `${section} stored, seed ${SEED}`,
        ).toBe(onServer.getXmlFragment("default").toString());
      }

      // Other clients are still served: an edit on a fuzzed section reaches a second client.
      const a = connectCollabClient(server.url, FUZZ_SECTIONS[1]!, { cookie });
      const b = connectCollabClient(server.url, FUZZ_SECTIONS[1]!, { cookie });
      clients.push(a, b);
      await Promise.all([a.synced, b.synced]);
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText("after the fuzzing")]);
      a.fragment.push([paragraph]);
      await waitFor(() => b.fragment.toString().includes("after the fuzzing"), "b to see a's edit");

      for (const client of clients.splice(0)) client.destroy();
      const rssAfter = await settledRssBytes(pid);
      const sent = all.reduce((n, r) => n + r.sent, 0) + reordered;
      const refused = all.reduce((n, r) => n + r.refused, 0);
      const codes: Record<number, number> = {};
      for (const r of all) {
        for (const [code, n] of Object.entries(r.closeCodes)) {
          codes[Number(code)] = (codes[Number(code)] ?? 0) + n;
        }
      }
      console.log(
        `RELIABILITY: protocolFuzz seed=${SEED} messages=${sent} refused=${refused} ` +
          `accepted=${sent - refused} closeCodes=${JSON.stringify(codes)} ` +
          `controlEdits=${controlEdits} rssBaselineMiB=${mib(rssBaseline)} rssAfterMiB=${mib(rssAfter)}`,
      );
      expect(sent).toBeGreaterThan(5000 * SCALE);
      expect(codes[4400]).toBeGreaterThan(1000 * SCALE);
      expect(codes[4413]).toBeGreaterThan(0);
      expect(codes[1009]).toBeGreaterThan(0);
      expect(server.child.exitCode).toBeNull();
      expect(
        rssAfter - rssBaseline,
        `RSS ${mib(rssBaseline)} -> ${mib(rssAfter)} MiB`,
      ).toBeLessThan(RSS_BOUND);
    },
    SCALE * 240_000,
  );
});
