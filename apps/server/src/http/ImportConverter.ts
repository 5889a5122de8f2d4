import type { ImportFormat } from "@rapporteur/api";
import type { ReviewReading } from "../workers/readReviewJob";
import type { ServerJob, ServerJobResult } from "../workers/serverJob";
import { WorkerJobError, WorkerPool } from "../workers/WorkerPool";
import type { ImportConversion } from "./convertImport";

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
  /** Conversions waiting for a free worker; beyond, `convert` throws `busy` (default 8). */
  maxQueue?: number;
  /** How long an idle worker is kept for the next import, in ms (default 30 s). */
  idleMs?: number;
}

const tooComplex = (message: string): ImportConversion & ReviewReading => ({
  ok: false,
  id: "import_too_complex",
  message: `${message}: it is too complex to import. Simplify or split it (very long runs of * or _, deeply nested lists or quotes are the usual causes) and import again`,
});

/**
 * Converts imported files in the server's worker threads ({@link WorkerPool}), so that a hostile
 * file (Markdown that makes the parser quadratic, a Word file that inflates into huge XML) never
 * blocks the server: each conversion has a deadline and each worker a heap limit; past either,
 * the worker is terminated and the conversion answers `import_too_complex`. When every worker is
 * taken and the queue is full, `convert` throws a {@link WorkerJobError} `busy`.
 */
export class ImportConverter {
  readonly #pool: WorkerPool<ServerJob, ServerJobResult>;
  readonly #timeoutMs: number;
  readonly #maxMemoryMb: number;

  constructor(options: ImportConverterOptions) {
    this.#timeoutMs = options.timeoutMs;
    this.#maxMemoryMb = options.maxMemoryMb ?? 512;
    this.#pool = new WorkerPool({
      entry: new URL("../workers/serverWorker.ts", import.meta.url),
      name: "import conversion",
      maxMemoryMb: this.#maxMemoryMb,
      maxWorkers: options.maxWorkers,
      maxQueue: options.maxQueue,
      idleMs: options.idleMs,
    });
  }

  /**
   * Converts a file (see convertImport) in a worker, within the deadline and memory limit; links
   * to `appOrigins` are removed.
   */
  async convert(
    format: ImportFormat,
    bytes: Uint8Array,
    appOrigins: readonly string[] = [],
  ): Promise<ImportConversion> {
    const copy = bytes.slice();
    return (await this.#run(
      { kind: "import", format, bytes: copy, appOrigins: [...appOrigins] },
      copy,
    )) as ImportConversion;
  }

  /**
   * Reads the tracked changes and comments of a reviewed Word file (see readReviewJob) in a
   * worker, within the same deadline and memory limit as a conversion.
   */
  async readReview(bytes: Uint8Array): Promise<ReviewReading> {
    const copy = bytes.slice();
    return (await this.#run({ kind: "review", bytes: copy }, copy)) as ReviewReading;
  }

  async #run(job: ServerJob, bytes: Uint8Array): Promise<ImportConversion | ReviewReading> {
    try {
      return (await this.#pool.run(job, this.#timeoutMs, [bytes.buffer as ArrayBuffer])) as
        | ImportConversion
        | ReviewReading;
    } catch (error) {
      if (error instanceof WorkerJobError && error.reason === "timeout") {
        return tooComplex(
          `Converting the file took longer than ${this.#timeoutMs / 1000} s and was stopped`,
        );
      }
      if (error instanceof WorkerJobError && error.reason === "out_of_memory") {
        return tooComplex(
          `Converting the file needed more than ${this.#maxMemoryMb} MiB of memory`,
        );
      }
      throw error;
    }
  }

  /** Stops every idle worker; conversions under way finish, new ones are refused. */
  close(): Promise<void> {
    return this.#pool.close();
  }
}
