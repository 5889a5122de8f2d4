import type { Summary } from "./stats";

/**
 * One section of a load scenario: `clients` connections, of which the first `writers` type, in a
 * section that already holds `seedWords` words (written by one more client before the others
 * connect, which stays connected so that the in-memory reference keeps the document).
 */
export interface ScenarioSection {
  room: string;
  clients: number;
  writers: number;
  seedWords: number;
}

/**
 * What the load generator does. `typing`: writers type at `typingCps` characters per second each
 * (with a caret awareness update per keystroke, as the editor sends) and, in the first section,
 * one writer in turn pastes `pasteChars` characters every `pasteEveryMs`. `flood`: writers send
 * one-character updates as fast as the server broadcasts them, at most `window` unacknowledged
 * and `floodRate` per second each; one extra client per section (the observer) acknowledges.
 */
export interface LoadScenario {
  mode: "typing" | "flood";
  url: string;
  sections: ScenarioSection[];
  typingCps: number;
  pasteEveryMs: number;
  pasteChars: number;
  window: number;
  /** Flood: most updates per second per writer (our server closes a client above 200/s). */
  floodRate: number;
  warmupMs: number;
  measureMs: number;
  /** How long to wait after the writers stop for every update to arrive everywhere. */
  drainMs: number;
  /** Upgrade headers (session cookies): client `i` of the run uses `sessions[i % length]`. */
  sessions: Record<string, string>[];
}

/** Latencies of one kind of edit in one group of sections. */
export interface LatencyGroup {
  label: string;
  summary: Summary;
}

/** What the load generator reports back. */
export interface LoadResult {
  connectMs: number;
  clients: number;
  /** Edits sent during the measured window. */
  sentInWindow: number;
  /** Deliveries (edit x reader) expected over the whole run, and those that never arrived. */
  expectedDeliveries: number;
  dropped: number;
  /** Clients whose document differs from the others in their section at the end. */
  diverged: number;
  /** Connections the server closed (code: reason), which should be none. */
  closes: string[];
  groups: LatencyGroup[];
  /** Edits per second acknowledged by the observers (flood mode). */
  throughput: number;
  /** CPU of the load generator itself over the window, in cores (1 = one core busy). */
  generatorCpu: number;
  /** p99 event-loop delay of the load generator (ms): the floor under the latencies measured. */
  generatorLoopDelayP99: number;
}

/** Messages from the load generator to the parent. */
export type GeneratorMessage =
  | { type: "ready"; connectMs: number }
  | { type: "measure-start" }
  | { type: "measure-end" }
  | { type: "result"; result: LoadResult }
  | { type: "error"; message: string };

/** Messages from the parent to the load generator. */
export type ControlMessage = { type: "start"; scenario: LoadScenario } | { type: "go" };
