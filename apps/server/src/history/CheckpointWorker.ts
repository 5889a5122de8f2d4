import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { AttributedUpdate, HistoryPointInput } from "@rapporteur/storage";
import type { CheckpointJob } from "./historyWorker";

const WORKER_URL = new URL("./historyWorker.ts", import.meta.url).href;

// As in ImportConverter: Node 20 does not apply `--import tsx` to a worker's entry file, so a
// small bootstrap registers tsx's hooks, then imports the TypeScript entry.
function bootstrap(): string {
  const tsxDir = dirname(createRequire(import.meta.url).resolve("tsx/package.json"));
  const tsxApi = pathToFileURL(join(tsxDir, "dist/esm/api/index.mjs")).href;
  return `import(${JSON.stringify(tsxApi)})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL)}); })
  .catch((error) => { setImmediate(() => { throw error; }); });`;
}

type Answer = { id: number; checkpoints: HistoryPointInput[] } | { id: number; error: string };

/**
 * Replays stored rows into history checkpoints (see historyCheckpoints) in a worker thread, so
 * that a compaction, which rebuilds the section at each group end and counts its words, never
 * holds up the broadcasts of the event loop. One worker, started on first use, jobs in order;
 * a worker that dies is started again for the next job, and one left idle for `idleMs` stops
 * (its memory is returned: compactions come minutes apart).
 */
export class CheckpointWorker {
  #worker: Worker | null = null;
  #idleTimer: NodeJS.Timeout | undefined;

  /** `idleMs`: how long an idle worker is kept for the next compaction (default 30 s). */
  constructor(private readonly idleMs = 30_000) {}
  #nextId = 1;
  readonly #pending = new Map<
    number,
    { resolve(value: HistoryPointInput[]): void; reject(error: Error): void }
  >();

  /** The checkpoints the rows make. */
  run(rows: AttributedUpdate[]): Promise<HistoryPointInput[]> {
    clearTimeout(this.#idleTimer);
    const worker = this.#start();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, rows } satisfies CheckpointJob);
    });
  }

  /**
   * Starts the worker ahead of its first job (loading the schema takes a moment); it stops after
   * `idleMs` without one, like after any job.
   */
  warm(): void {
    this.#start();
    this.#stopWhenIdle(this.#worker as Worker);
  }

  /** Stops the worker (shutdown); pending jobs fail. */
  async stop(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    clearTimeout(this.#idleTimer);
    await worker?.terminate();
  }

  #stopWhenIdle(worker: Worker): void {
    clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => {
      if (this.#worker !== worker || this.#pending.size > 0) return;
      this.#worker = null;
      void worker.terminate();
    }, this.idleMs);
    this.#idleTimer.unref();
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(bootstrap(), { eval: true, execArgv: [], stdout: false });
    worker.unref();
    worker.on("message", (answer: Answer) => {
      const pending = this.#pending.get(answer.id);
      this.#pending.delete(answer.id);
      if (this.#pending.size === 0) {
        worker.unref();
        this.#stopWhenIdle(worker);
      }
      if (!pending) return;
      if ("error" in answer) pending.reject(new Error(answer.error));
      else pending.resolve(answer.checkpoints);
    });
    const failAll = (error: Error) => {
      if (this.#worker === worker) this.#worker = null;
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
    };
    worker.on("error", failAll);
    worker.on("exit", () => failAll(new Error("The checkpoint worker stopped")));
    this.#worker = worker;
    return worker;
  }
}
