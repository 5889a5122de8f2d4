import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { ImportConversion, ImportFormat } from "./convertImport";
import type { ImportJob } from "./importWorker";

/** Default deadline of one import conversion, in ms (RAPPORTEUR_IMPORT_TIMEOUT_MS). */
export const DEFAULT_IMPORT_TIMEOUT_MS = 10_000;

/** Options of {@link ImportConverter}. */
export interface ImportConverterOptions {
  /** Longest conversion of one file, in ms, counted once the worker is ready (then stopped). */
  timeoutMs: number;
  /** Heap of one worker, in MiB (`resourceLimits.maxOldGenerationSizeMb`; default 512). */
  maxMemoryMb?: number;
  /** Conversions at once; more wait for a free worker (default 2). */
  maxWorkers?: number;
  /** How long an idle worker is kept for the next import, in ms (default 30 s). */
  idleMs?: number;
  /** Longest start of a worker (loading the converters), in ms (default 60 s). */
  startTimeoutMs?: number;
}

type WorkerMessage =
  | { type: "ready" }
  | { type: "result"; result: ImportConversion }
  | { type: "failed"; message: string };

const WORKER_URL = new URL("./importWorker.ts", import.meta.url).href;

// Node 20 does not apply loader hooks given by `execArgv: ["--import", "tsx"]` to a worker's
// entry file, so a small bootstrap registers tsx's hooks (its `tsx/esm/api` export), then imports
// the TypeScript entry: the server runs from sources, without a build step.
function bootstrap(): string {
  const tsxDir = dirname(createRequire(import.meta.url).resolve("tsx/package.json"));
  const tsxApi = pathToFileURL(join(tsxDir, "dist/esm/api/index.mjs")).href;
  return `import(${JSON.stringify(tsxApi)})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL)}); })
  .catch((error) => { setImmediate(() => { throw error; }); });`;
}

const tooComplex = (message: string): ImportConversion => ({
  ok: false,
  id: "import_too_complex",
  message: `${message}: it is too complex to import. Simplify or split it (very long runs of * or _, deeply nested lists or quotes are the usual causes) and import again`,
});

/** One worker thread, converting one file at a time. */
class ConversionWorker {
  readonly #worker: Worker;
  readonly #ready: Promise<void>;
  #pending?: { resolve(value: ImportConversion): void; reject(error: Error): void };
  #deadline?: NodeJS.Timeout;
  #idleTimer?: NodeJS.Timeout;
  dead = false;

  constructor(private readonly options: Required<ImportConverterOptions>) {
    this.#worker = new Worker(bootstrap(), {
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
        reject(new Error(`The import worker did not start within ${options.startTimeoutMs} ms`));
        this.terminate();
      }, options.startTimeoutMs);
      this.#worker.once("message", (message: WorkerMessage) => {
        clearTimeout(timer);
        if (message.type === "ready") resolve();
        else reject(new Error("The import worker answered before it was ready"));
      });
      this.#worker.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    // Before `ready` settles, a failure rejects it; afterwards it belongs to the current job.
    this.#ready.catch(() => {});
    this.#worker.on("message", (message: WorkerMessage) => {
      if (message.type === "result") this.#settle(message.result);
      else if (message.type === "failed") this.#fail(new Error(message.message));
    });
    this.#worker.on("error", (error: Error & { code?: string }) => {
      this.dead = true;
      if (error.code === "ERR_WORKER_OUT_OF_MEMORY") {
        this.#settle(
          tooComplex(`Converting the file needed more than ${options.maxMemoryMb} MiB of memory`),
        );
      } else {
        this.#fail(error);
      }
    });
    this.#worker.on("exit", () => {
      this.dead = true;
      this.#fail(new Error("The import worker stopped during a conversion"));
    });
  }

  /** Converts one file; the worker must be free. */
  async run(format: ImportFormat, bytes: Uint8Array): Promise<ImportConversion> {
    this.stopIdleTimer();
    await this.#ready;
    const result = new Promise<ImportConversion>((resolve, reject) => {
      this.#pending = { resolve, reject };
    });
    this.#deadline = setTimeout(() => {
      this.#settle(
        tooComplex(
          `Converting the file took longer than ${this.options.timeoutMs / 1000} s and was stopped`,
        ),
      );
      this.terminate();
    }, this.options.timeoutMs);
    const copy = bytes.slice();
    this.#worker.postMessage({ format, bytes: copy } satisfies ImportJob, [copy.buffer]);
    return result;
  }

  /** Stops the worker after `idleMs` unless it gets another file first. */
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

  #settle(result: ImportConversion): void {
    clearTimeout(this.#deadline);
    const pending = this.#pending;
    this.#pending = undefined;
    pending?.resolve(result);
  }

  #fail(error: Error): void {
    clearTimeout(this.#deadline);
    const pending = this.#pending;
    this.#pending = undefined;
    pending?.reject(error);
  }
}

/**
 * Converts imported files in worker threads, so that a hostile file (Markdown that makes the
 * parser quadratic, a Word file that inflates into huge XML) never blocks the server: each
 * conversion has a deadline and each worker a heap limit; past either, the worker is terminated
 * and the conversion answers `import_too_complex`. Workers are started on demand, reused, and
 * stopped when idle.
 */
export class ImportConverter {
  readonly #options: Required<ImportConverterOptions>;
  readonly #idle: ConversionWorker[] = [];
  readonly #waiting: ((worker: ConversionWorker) => void)[] = [];
  #workers = 0;
  #closed = false;

  constructor(options: ImportConverterOptions) {
    this.#options = {
      maxMemoryMb: 512,
      maxWorkers: 2,
      idleMs: 30_000,
      startTimeoutMs: 60_000,
      ...options,
    };
  }

  /** Converts a file (see convertImport) in a worker, within the deadline and memory limit. */
  async convert(format: ImportFormat, bytes: Uint8Array): Promise<ImportConversion> {
    if (this.#closed) throw new Error("The import converter is closed");
    const worker = await this.#acquire();
    try {
      return await worker.run(format, bytes);
    } finally {
      this.#release(worker);
    }
  }

  /** Stops every worker; conversions under way fail. */
  async close(): Promise<void> {
    this.#closed = true;
    const idle = this.#idle.splice(0);
    await Promise.all(idle.map((worker) => worker.terminate()));
  }

  #acquire(): Promise<ConversionWorker> {
    const idle = this.#idle.pop();
    if (idle) return Promise.resolve(idle);
    if (this.#workers < this.#options.maxWorkers) return Promise.resolve(this.#start());
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #start(): ConversionWorker {
    this.#workers++;
    return new ConversionWorker(this.#options);
  }

  #release(worker: ConversionWorker): void {
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
