import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Transferable, Worker } from "node:worker_threads";

/** Options of {@link WorkerPool}. */
export interface WorkerPoolOptions {
  /** The worker's TypeScript entry (see workerEntry): answers each job with one result. */
  entry: URL;
  /** What the pool does, for messages ("export", "import"). */
  name: string;
  /** Jobs running at once, one per worker thread (default 2). */
  maxWorkers?: number;
  /** Jobs waiting for a free worker; beyond, `run` fails at once with `busy` (default 8). */
  maxQueue?: number;
  /** Heap of one worker, in MiB (`resourceLimits.maxOldGenerationSizeMb`; default 512). */
  maxMemoryMb?: number;
  /** How long an idle worker is kept for the next job, in ms (default 30 s). */
  idleMs?: number;
  /** Longest start of a worker (loading the converters), in ms (default 60 s). */
  startTimeoutMs?: number;
}

/** Why a job did not give a result: see {@link WorkerJobError}. */
export type WorkerJobFailure = "busy" | "timeout" | "out_of_memory" | "closed";

/**
 * A job the pool refused or stopped: `busy` (every worker taken and the queue full: try again
 * later), `timeout` (past its deadline; the worker was terminated), `out_of_memory` (the worker
 * ran out of its heap), `closed` (the pool was closed). A bug in the job rejects with a plain Error.
 */
export class WorkerJobError extends Error {
  override name = "WorkerJobError";
  constructor(
    readonly reason: WorkerJobFailure,
    message: string,
  ) {
    super(message);
  }
}

/** Messages of a worker entry (workerEntry): ready once, then one answer per job. */
export type WorkerAnswer<Result> =
  | { type: "ready" }
  | { type: "result"; result: Result }
  | { type: "failed"; message: string };

type Settled<Result> = { ok: true; result: Result } | { ok: false; error: Error };

// Node 20 does not apply loader hooks given by `execArgv: ["--import", "tsx"]` to a worker's
// entry file, so a small bootstrap registers tsx's hooks (its `tsx/esm/api` export), then imports
// the TypeScript entry: the server runs from sources, without a build step.
function bootstrap(entry: URL): string {
  const tsxDir = dirname(createRequire(import.meta.url).resolve("tsx/package.json"));
  const tsxApi = pathToFileURL(join(tsxDir, "dist/esm/api/index.mjs")).href;
  return `import(${JSON.stringify(tsxApi)})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })
  .catch((error) => { setImmediate(() => { throw error; }); });`;
}

/** One worker thread, running one job at a time. */
class PoolWorker<Job, Result> {
  readonly #worker: Worker;
  readonly #ready: Promise<void>;
  #pending?: (settled: Settled<Result>) => void;
  #deadline?: NodeJS.Timeout;
  #idleTimer?: NodeJS.Timeout;
  dead = false;

  constructor(private readonly options: Required<WorkerPoolOptions>) {
    this.#worker = new Worker(bootstrap(options.entry), {
      eval: true,
      // Not the server's own flags (--import tsx, heap sizes): the bootstrap sets up tsx.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb },
      stdout: false,
      stderr: false,
    });
    // An idle worker never keeps the process alive.
    this.#worker.unref();
    this.#ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(
          new Error(`The ${options.name} worker did not start within ${options.startTimeoutMs} ms`),
        );
        void this.terminate();
      }, options.startTimeoutMs);
      this.#worker.once("message", (message: WorkerAnswer<Result>) => {
        clearTimeout(timer);
        if (message.type === "ready") resolve();
        else reject(new Error(`The ${options.name} worker answered before it was ready`));
      });
      this.#worker.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    // Before `ready` settles, a failure rejects it; afterwards it belongs to the current job.
    this.#ready.catch(() => {});
    this.#worker.on("message", (message: WorkerAnswer<Result>) => {
      if (message.type === "result") this.#settle({ ok: true, result: message.result });
      else if (message.type === "failed")
        this.#settle({ ok: false, error: new Error(message.message) });
    });
    this.#worker.on("error", (error: Error & { code?: string }) => {
      this.dead = true;
      this.#settle({
        ok: false,
        error:
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? new WorkerJobError(
                "out_of_memory",
                `The ${options.name} needed more than ${options.maxMemoryMb} MiB of memory`,
              )
            : error,
      });
    });
    this.#worker.on("exit", () => {
      this.dead = true;
      this.#settle({
        ok: false,
        error: new Error(`The ${options.name} worker stopped during a job`),
      });
    });
  }

  /** Runs one job; the worker must be free. */
  async run(job: Job, timeoutMs: number, transfer: readonly Transferable[]): Promise<Result> {
    this.stopIdleTimer();
    await this.#ready;
    const settled = new Promise<Settled<Result>>((resolve) => {
      this.#pending = resolve;
    });
    this.#deadline = setTimeout(() => {
      this.#settle({
        ok: false,
        error: new WorkerJobError(
          "timeout",
          `The ${this.options.name} took longer than ${timeoutMs / 1000} s and was stopped`,
        ),
      });
      void this.terminate();
    }, timeoutMs);
    this.#worker.postMessage(job, transfer);
    const outcome = await settled;
    if (!outcome.ok) throw outcome.error;
    return outcome.result;
  }

  /** Stops the worker after `idleMs` unless it gets another job first. */
  startIdleTimer(onExpired: () => void): void {
    this.#idleTimer = setTimeout(onExpired, this.options.idleMs);
    this.#idleTimer.unref();
  }

  stopIdleTimer(): void {
    clearTimeout(this.#idleTimer);
  }

  terminate(): Promise<number> {
    this.dead = true;
    this.stopIdleTimer();
    return this.#worker.terminate();
  }

  #settle(settled: Settled<Result>): void {
    clearTimeout(this.#deadline);
    const pending = this.#pending;
    this.#pending = undefined;
    pending?.(settled);
  }
}

/**
 * A small pool of worker threads for the server's heavy work (imports, exports, the comment
 * matrix), so that it never runs on the event loop: at most `maxWorkers` jobs at once, at most
 * `maxQueue` waiting (more fail at once as `busy`), a deadline per job and a heap limit per
 * worker; past either, the worker is terminated and the job fails ({@link WorkerJobError}).
 * Workers are started on demand, reused, and stopped when idle.
 */
export class WorkerPool<Job, Result> {
  readonly #options: Required<WorkerPoolOptions>;
  readonly #idle: PoolWorker<Job, Result>[] = [];
  readonly #waiting: ((worker: PoolWorker<Job, Result>) => void)[] = [];
  #workers = 0;
  #closed = false;

  constructor(options: WorkerPoolOptions) {
    this.#options = {
      entry: options.entry,
      name: options.name,
      maxWorkers: options.maxWorkers ?? 2,
      maxQueue: options.maxQueue ?? 8,
      maxMemoryMb: options.maxMemoryMb ?? 512,
      idleMs: options.idleMs ?? 30_000,
      startTimeoutMs: options.startTimeoutMs ?? 60_000,
    };
  }

  /**
   * Runs `job` in a worker within `timeoutMs` (counted once the worker is ready); `transfer`
   * lists buffers moved to the worker instead of copied (they are unusable here afterwards).
   */
  async run(job: Job, timeoutMs: number, transfer: readonly Transferable[] = []): Promise<Result> {
    if (this.#closed)
      throw new WorkerJobError("closed", `The ${this.#options.name} pool is closed`);
    const worker = await this.#acquire();
    try {
      return await worker.run(job, timeoutMs, transfer);
    } finally {
      this.#release(worker);
    }
  }

  /** Stops every idle worker and refuses new jobs; jobs under way finish. */
  async close(): Promise<void> {
    this.#closed = true;
    const idle = this.#idle.splice(0);
    await Promise.all(idle.map((worker) => worker.terminate()));
  }

  #acquire(): Promise<PoolWorker<Job, Result>> {
    const idle = this.#idle.pop();
    if (idle) return Promise.resolve(idle);
    if (this.#workers < this.#options.maxWorkers) return Promise.resolve(this.#start());
    if (this.#waiting.length >= this.#options.maxQueue) {
      return Promise.reject(
        new WorkerJobError(
          "busy",
          `The server is busy with other ${this.#options.name} jobs: try again in a moment`,
        ),
      );
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #start(): PoolWorker<Job, Result> {
    this.#workers++;
    return new PoolWorker<Job, Result>(this.#options);
  }

  #release(worker: PoolWorker<Job, Result>): void {
    if (worker.dead || this.#closed) {
      this.#workers--;
      if (!worker.dead) void worker.terminate();
      const next = this.#waiting.shift();
      if (next) next(this.#start());
      return;
    }
    const next = this.#waiting.shift();
    if (next) {
      next(worker);
      return;
    }
    this.#idle.push(worker);
    worker.startIdleTimer(() => {
      const at = this.#idle.indexOf(worker);
      if (at === -1) return;
      this.#idle.splice(at, 1);
      this.#workers--;
      void worker.terminate();
    });
  }
}
