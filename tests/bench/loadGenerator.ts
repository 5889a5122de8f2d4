// The load generator: a child process (forked by fanout.ts and durableWrites.ts) that holds every
// benchmark client, so the server under test has its own process and its CPU can be read apart.
//
// Latency: each writer appends to its own paragraph. An edit is identified on the reader's side by
// the writer (the Yjs client id of the paragraph's text) and the length the text reaches (the
// writer records, per sequence number, the length after the edit and the send time). Yjs applies a
// client's updates in order, so when a reader's copy of the paragraph reaches a length, every edit
// up to it has arrived: the reader records now - send time for each. All clients share this
// process's clock. An edit that never arrives shows as a reader's count below the writer's.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { FRAGMENT_NAME, replaceYDocContent } from "@rapporteur/schema";
import * as Y from "yjs";
import { type BenchClient, connectClient } from "./connectClient";
import { generateSection } from "./generateSection";
import type {
  ControlMessage,
  GeneratorMessage,
  LatencyGroup,
  LoadResult,
  LoadScenario,
} from "./loadScenario";
import { summarize } from "./stats";

const KEYSTROKE = 0;
const PASTE = 1;
const SAMPLE_TEXT =
  "Access to broadband has grown in every region since the Summit, but the gaps between and within " +
  "countries remain wide, and meaningful connectivity depends on affordability, skills and content. ";

interface Writer {
  index: number;
  section: number;
  client: BenchClient;
  text: Y.XmlText;
  length: number;
  /** Per sequence number: send time, text length after the edit, kind. */
  sendTimes: number[];
  lengths: number[];
  kinds: number[];
  timer: NodeJS.Timeout | undefined;
  pumpScheduled: boolean;
}

interface Member {
  client: BenchClient;
  section: number;
  /** Per writer: how many of its edits this client has applied. */
  covered: Int32Array;
  isObserver: boolean;
}

function send(message: GeneratorMessage): void {
  process.send?.(message);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function run(scenario: LoadScenario): Promise<void> {
  const flood = scenario.mode === "flood";
  const members: Member[] = [];
  const writers: Writer[] = [];
  const writerByClientId = new Map<number, Writer>();
  const totalWriters = scenario.sections.reduce((sum, s) => sum + s.writers, 0);

  let windowStart = Number.POSITIVE_INFINITY;
  let windowEnd = Number.POSITIVE_INFINITY;
  let running = false;
  let acksInWindow = 0;
  let floodStart = 0;
  const latencies = {
    mainKey: [] as number[],
    mainPaste: [] as number[],
    otherKey: [] as number[],
  };

  const seeders: BenchClient[] = [];
  for (const [index, section] of scenario.sections.entries()) {
    if (section.seedWords <= 0) continue;
    const seeder = connectClient(scenario.url, section.room, { headers: scenario.sessions[0] });
    seeders.push(seeder);
    await seeder.synced;
    replaceYDocContent(seeder.doc, generateSection(section.seedWords, index + 1).doc);
  }

  const connectStart = performance.now();
  scenario.sections.forEach((section, sectionIndex) => {
    const total = section.clients + (flood ? 1 : 0);
    for (let i = 0; i < total; i++) {
      const isObserver = flood && i === section.clients;
      const client = connectClient(scenario.url, section.room, {
        headers: scenario.sessions[members.length % scenario.sessions.length],
        user: flood ? undefined : { name: `Bench ${sectionIndex}.${i}`, color: "#1f77b4" },
        // Readers take every awareness message off the wire but only writers apply them.
        ignoreRemoteAwareness: i >= section.writers,
      });
      members.push({
        client,
        section: sectionIndex,
        covered: new Int32Array(totalWriters),
        isObserver,
      });
    }
  });
  await Promise.all(members.map((m) => m.client.synced));
  const connectMs = performance.now() - connectStart;

  // Each writer adds its own paragraph before the clock starts.
  let writerIndex = 0;
  scenario.sections.forEach((section, sectionIndex) => {
    const inSection = members.filter((m) => m.section === sectionIndex);
    for (let i = 0; i < section.writers; i++) {
      const member = inSection[i] as Member;
      const fragment = member.client.doc.getXmlFragment(FRAGMENT_NAME);
      const paragraph = new Y.XmlElement("paragraph");
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      fragment.insert(fragment.length, [paragraph]);
      const writer: Writer = {
        index: writerIndex++,
        section: sectionIndex,
        client: member.client,
        text,
        length: 0,
        sendTimes: [],
        lengths: [],
        kinds: [],
        timer: undefined,
        pumpScheduled: false,
      };
      writers.push(writer);
      writerByClientId.set(member.client.doc.clientID, writer);
    }
  });

  const observerOf = new Map<number, Member>();
  for (const member of members) if (member.isObserver) observerOf.set(member.section, member);

  const edit = (writer: Writer, chars: string, kind: number) => {
    writer.length += chars.length;
    writer.lengths.push(writer.length);
    writer.kinds.push(kind);
    writer.sendTimes.push(performance.now());
    writer.text.insert(writer.text.length, chars);
    if (!flood) {
      // The editor moves the caret with every keystroke and announces it through awareness.
      const position = Y.relativePositionToJSON(
        Y.createRelativePositionFromTypeIndex(writer.text, writer.text.length),
      );
      writer.client.setAwarenessField("cursor", { anchor: position, head: position });
    }
  };

  const pump = (writer: Writer) => {
    writer.pumpScheduled = false;
    const observer = observerOf.get(writer.section);
    if (!running || !observer) return;
    // At most `floodRate` updates per second since the flood began, as any real client sends.
    const allowed = Math.floor(((performance.now() - floodStart) / 1000) * scenario.floodRate) + 1;
    while (
      writer.sendTimes.length - (observer.covered[writer.index] ?? 0) < scenario.window &&
      writer.sendTimes.length < allowed
    ) {
      edit(writer, "x", KEYSTROKE);
    }
  };

  for (const member of members) {
    member.client.doc.getXmlFragment(FRAGMENT_NAME).observeDeep((events) => {
      const now = performance.now();
      for (const event of events) {
        if (event.transaction.local) continue;
        const target = event.target;
        if (!(target instanceof Y.XmlText)) continue;
        const clientId = target._item?.id.client;
        const writer = clientId === undefined ? undefined : writerByClientId.get(clientId);
        if (!writer) continue;
        const length = target.length;
        let covered = member.covered[writer.index] ?? 0;
        while (covered < writer.sendTimes.length && (writer.lengths[covered] ?? 0) <= length) {
          const sentAt = writer.sendTimes[covered] as number;
          if (sentAt >= windowStart && sentAt < windowEnd) {
            const latency = now - sentAt;
            if (flood) {
              if (member.isObserver) latencies.mainKey.push(latency);
            } else if (writer.section !== 0) latencies.otherKey.push(latency);
            else if (writer.kinds[covered] === PASTE) latencies.mainPaste.push(latency);
            else latencies.mainKey.push(latency);
          }
          if (flood && member.isObserver && now >= windowStart && now < windowEnd) acksInWindow++;
          covered++;
        }
        member.covered[writer.index] = covered;
        if (flood && member.isObserver && !writer.pumpScheduled) {
          writer.pumpScheduled = true;
          setImmediate(() => pump(writer));
        }
      }
    });
  }

  // Wait until every client sees every writer's paragraph (the writer's first update).
  const setupDeadline = performance.now() + 60_000;
  for (;;) {
    const ready = members.every((m) =>
      writers.every(
        (w) => w.section !== m.section || Y.getState(m.client.doc.store, w.client.doc.clientID) > 0,
      ),
    );
    if (ready) break;
    if (performance.now() > setupDeadline) throw new Error("writers' paragraphs did not propagate");
    await sleep(20);
  }

  send({ type: "ready", connectMs });
  await new Promise<void>((resolve) => {
    process.on("message", (message: ControlMessage) => {
      if (message.type === "go") resolve();
    });
  });

  running = true;
  let pasteTimer: NodeJS.Timeout | undefined;
  let pasteTurn = 0;
  const pasteText = SAMPLE_TEXT.repeat(Math.ceil(scenario.pasteChars / SAMPLE_TEXT.length)).slice(
    0,
    scenario.pasteChars,
  );
  let floodTimer: NodeJS.Timeout | undefined;
  if (flood) {
    floodStart = performance.now();
    for (const writer of writers) pump(writer);
    floodTimer = setInterval(() => {
      for (const writer of writers) pump(writer);
    }, 5);
  } else {
    const interval = 1000 / scenario.typingCps;
    for (const writer of writers) {
      let position = writer.index * 7;
      const tick = () => {
        if (!running) return;
        edit(writer, SAMPLE_TEXT[position++ % SAMPLE_TEXT.length] as string, KEYSTROKE);
        writer.timer = setTimeout(tick, interval);
      };
      // Spread the writers over the interval, as people do not type in step.
      writer.timer = setTimeout(tick, Math.random() * interval);
    }
    const mainWriters = writers.filter((w) => w.section === 0);
    if (scenario.pasteChars > 0 && mainWriters.length > 0) {
      pasteTimer = setInterval(() => {
        const writer = mainWriters[pasteTurn++ % mainWriters.length] as Writer;
        edit(writer, pasteText, PASTE);
      }, scenario.pasteEveryMs);
    }
  }

  await sleep(scenario.warmupMs);
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  const cpuStart = process.cpuUsage();
  windowStart = performance.now();
  send({ type: "measure-start" });
  await sleep(scenario.measureMs);
  windowEnd = performance.now();
  send({ type: "measure-end" });
  const cpu = process.cpuUsage(cpuStart);
  loopDelay.disable();
  running = false;
  for (const writer of writers) clearTimeout(writer.timer);
  clearInterval(pasteTimer);
  clearInterval(floodTimer);

  const missing = () => {
    let dropped = 0;
    let expected = 0;
    for (const member of members) {
      for (const writer of writers) {
        if (writer.section !== member.section || writer.client === member.client) continue;
        expected += writer.sendTimes.length;
        dropped += writer.sendTimes.length - (member.covered[writer.index] ?? 0);
      }
    }
    return { dropped, expected };
  };
  const drainDeadline = performance.now() + scenario.drainMs;
  while (missing().dropped > 0 && performance.now() < drainDeadline) await sleep(50);
  const { dropped, expected } = missing();

  let diverged = 0;
  scenario.sections.forEach((_section, sectionIndex) => {
    const vectors = members
      .filter((m) => m.section === sectionIndex)
      .map((m) => Buffer.from(Y.encodeStateVector(m.client.doc)).toString("base64"));
    const counts = new Map<string, number>();
    for (const vector of vectors) counts.set(vector, (counts.get(vector) ?? 0) + 1);
    diverged += vectors.length - Math.max(0, ...counts.values());
  });

  const closes = members
    .filter((m) => m.client.closed)
    .map((m) => `${m.client.closed?.code}: ${m.client.closed?.reason}`);
  const windowSeconds = (windowEnd - windowStart) / 1000;
  let sentInWindow = 0;
  for (const writer of writers) {
    for (const sentAt of writer.sendTimes)
      if (sentAt >= windowStart && sentAt < windowEnd) sentInWindow++;
  }
  const groups: LatencyGroup[] = [
    {
      label: flood ? "write-to-broadcast" : "keystroke, main section",
      summary: summarize(latencies.mainKey),
    },
  ];
  if (latencies.mainPaste.length) {
    groups.push({ label: "paste, main section", summary: summarize(latencies.mainPaste) });
  }
  if (latencies.otherKey.length) {
    groups.push({ label: "keystroke, other sections", summary: summarize(latencies.otherKey) });
  }
  const result: LoadResult = {
    connectMs,
    clients: members.length,
    sentInWindow,
    expectedDeliveries: expected,
    dropped,
    diverged,
    closes,
    groups,
    throughput: acksInWindow / windowSeconds,
    generatorCpu: (cpu.user + cpu.system) / 1e6 / windowSeconds,
    generatorLoopDelayP99: loopDelay.percentile(99) / 1e6,
  };
  await Promise.all(
    [...members, ...seeders.map((client) => ({ client }))].map((m) => m.client.close()),
  );
  send({ type: "result", result });
}

process.once("message", (message: ControlMessage) => {
  if (message.type !== "start") return;
  run(message.scenario).then(
    () => process.disconnect?.(),
    (error: unknown) => {
      send({
        type: "error",
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      process.disconnect?.();
    },
  );
});
