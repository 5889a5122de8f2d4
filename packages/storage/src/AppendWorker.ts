import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** One append as the worker thread takes it (the history metadata already formatted). */
interface AppendJob {
  id: number;
  name: string;
  data: Uint8Array;
  meta: { userIds: string; at: number; kind: string } | null;
}

type AppendAnswer = { ids: number[]; seqs: number[] } | { ids: number[]; error: string };

// Plain CommonJS, run with `eval`: the thread needs no TypeScript loader, so it starts in a few
// milliseconds and holds only better-sqlite3 (a few MiB). Every append that arrives while a commit
// is in progress joins the next transaction: one fsync for all of them (group commit).
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.betterSqlite3);
const db = new Database(workerData.file);
db.pragma("synchronous = FULL");
db.pragma("foreign_keys = ON");
db.pragma("busy_timeout = 5000");
const lastSeq = db.prepare("SELECT MAX(seq) AS seq FROM document_updates WHERE doc = ?");
const insert = db.prepare("INSERT INTO document_updates (doc, seq, data) VALUES (?, ?, ?)");
const insertWithMeta = db.prepare(
  "INSERT INTO document_updates (doc, seq, data, user_ids, at, kind) VALUES (?, ?, ?, ?, ?, ?)",
);
const commit = db.transaction((jobs) =>
  jobs.map((job) => {
    const seq = (lastSeq.get(job.name).seq ?? 0) + 1;
    const data = Buffer.from(job.data.buffer, job.data.byteOffset, job.data.byteLength);
    if (job.meta) {
      insertWithMeta.run(job.name, seq, data, job.meta.userIds, job.meta.at, job.meta.kind);
    } else {
      insert.run(job.name, seq, data);
    }
    return seq;
  }),
);
let waiting = [];
parentPort.on("message", (job) => {
  if (job === "close") {
    db.close();
    parentPort.close();
    return;
  }
  waiting.push(job);
  if (waiting.length === 1) setImmediate(flush);
});
function flush() {
  const jobs = waiting;
  waiting = [];
  const ids = jobs.map((job) => job.id);
  try {
    parentPort.postMessage({ ids, seqs: commit.immediate(jobs) });
  } catch (error) {
    parentPort.postMessage({ ids, error: String((error && error.message) || error) });
  }
}
`;

/**
 * Appends Yjs updates to `document_updates` from a worker thread with its own connection
 * (`synchronous = FULL`, as the store's): the commit and its fsync never block the event loop, so
 * the server keeps broadcasting the batches already stored meanwhile. An append resolves only once
 * its transaction is committed and fsynced; appends made while a commit is in progress (any
 * document) are committed together, with one fsync. Started on the first append.
 */
export class AppendWorker {
  #worker: Worker | null = null;
  #nextId = 1;
  readonly #pending = new Map<number, { resolve(seq: number): void; reject(e: Error): void }>();
  #closed = false;
  readonly #idleWaiters: (() => void)[] = [];

  constructor(private readonly databaseFile: string) {}

  /** Appends `data` to `name`; resolves with its sequence number once durable. */
  append(name: string, data: Uint8Array, meta: AppendJob["meta"]): Promise<number> {
    if (this.#closed) return Promise.reject(new Error("The document store is closed"));
    const worker = this.#start();
    const id = this.#nextId++;
    return new Promise<number>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      if (this.#pending.size === 1) worker.ref();
      worker.postMessage({ id, name, data, meta } satisfies AppendJob);
    });
  }

  /** Waits for the appends in progress, then stops the thread. */
  async close(): Promise<void> {
    this.#closed = true;
    const worker = this.#worker;
    if (!worker) return;
    while (this.#pending.size > 0) {
      await new Promise<void>((resolve) => this.#idleWaiters.push(resolve));
    }
    this.#worker = null;
    const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
    worker.postMessage("close");
    await exited;
  }

  #settled(worker: Worker): void {
    if (this.#pending.size > 0) return;
    worker.unref();
    for (const resolve of this.#idleWaiters.splice(0)) resolve();
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      execArgv: [],
      workerData: {
        file: this.databaseFile,
        betterSqlite3: createRequire(import.meta.url).resolve("better-sqlite3"),
      },
      stdout: false,
      stderr: false,
    });
    worker.unref();
    worker.on("message", (answer: AppendAnswer) => {
      answer.ids.forEach((id, i) => {
        const pending = this.#pending.get(id);
        this.#pending.delete(id);
        if (!pending) return;
        if ("error" in answer) pending.reject(new Error(answer.error));
        else pending.resolve(answer.seqs[i] as number);
      });
      this.#settled(worker);
    });
    const failAll = (error: Error) => {
      if (this.#worker === worker) this.#worker = null;
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
      this.#settled(worker);
    };
    worker.on("error", failAll);
    worker.on("exit", () => failAll(new Error("The append worker stopped")));
    this.#worker = worker;
    return worker;
  }
}
