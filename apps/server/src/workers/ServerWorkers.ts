import type { PreflightItem } from "@rapporteur/api";
import type { ComparedSection } from "@rapporteur/report";
import { DEFAULT_IMPORT_TIMEOUT_MS, ImportConverter } from "../http/ImportConverter";
import type { SectionFacts } from "../report/sectionFacts";
import type { CompareJob } from "./compareJob";
import type { ExcerptsJob } from "./excerptsJob";
import type { ExportJob } from "./exportJob";
import type { MatrixJob } from "./matrixJob";
import type { PreflightJob } from "./preflightJob";
import type { ServerJob, ServerJobResult } from "./serverJob";
import type { ThemesAnswer, ThemesQuery } from "./themesJob";
import { WorkerPool } from "./WorkerPool";

/** Default deadline of one export or matrix, in ms. */
export const DEFAULT_EXPORT_TIMEOUT_MS = 300_000;

/** Options of {@link ServerWorkers}. */
export interface ServerWorkersOptions {
  /** Deadline of one import conversion, in ms (default 10 s). */
  importTimeoutMs?: number;
  /** Deadline of one export or matrix, in ms (default 5 min). */
  exportTimeoutMs?: number;
  /** Heap of one export worker, in MiB (default 4096: a 10 MB section's Word file needs ~2 GiB). */
  exportMemoryMb?: number;
  /** Exports and matrices rendered at once (default 2); more wait, up to `maxQueue`. */
  maxExportWorkers?: number;
  /** Exports and matrices waiting for a free worker; beyond, `busy` (default 8). */
  maxQueue?: number;
}

/**
 * The server's worker threads: imports (small heap, short deadline: files come from outside),
 * exports and the comment matrix (larger heap, long deadline), and the live word counts of
 * changed sections (one worker), each a {@link WorkerPool}. The
 * routes gather their inputs cheaply on the event loop and hand them over here.
 */
export class ServerWorkers {
  /** Converts imported files (see ImportConverter). */
  readonly imports: ImportConverter;
  readonly #exports: WorkerPool<ServerJob, ServerJobResult>;
  readonly #exportTimeoutMs: number;
  readonly #counts: WorkerPool<ServerJob, ServerJobResult>;

  constructor(options: ServerWorkersOptions = {}) {
    this.imports = new ImportConverter({
      timeoutMs: options.importTimeoutMs ?? DEFAULT_IMPORT_TIMEOUT_MS,
      maxQueue: options.maxQueue,
    });
    this.#exports = new WorkerPool({
      entry: new URL("./serverWorker.ts", import.meta.url),
      name: "export",
      maxWorkers: options.maxExportWorkers ?? 2,
      maxQueue: options.maxQueue,
      maxMemoryMb: options.exportMemoryMb ?? 4096,
    });
    this.#exportTimeoutMs = options.exportTimeoutMs ?? DEFAULT_EXPORT_TIMEOUT_MS;
    // One worker: recounts are debounced per section, and must never wait behind an export.
    this.#counts = new WorkerPool({
      entry: new URL("./serverWorker.ts", import.meta.url),
      name: "word count",
      maxWorkers: 1,
      maxQueue: 1_000,
      maxMemoryMb: 2048,
    });
  }

  /**
   * A section's facts (word count, numberable blocks, citations; see countJob) from its stored
   * updates, or read by the worker from the database file.
   */
  async sectionFacts(
    from: Uint8Array[] | { databaseFile: string; section: string },
  ): Promise<SectionFacts> {
    return (await this.#counts.run(
      Array.isArray(from) ? { kind: "count", updates: from } : { kind: "count", ...from },
      this.#exportTimeoutMs,
    )) as SectionFacts;
  }

  /** Renders an export file (see exportJob); throws WorkerJobError when busy or stopped. */
  async renderExport(job: Omit<ExportJob, "kind">): Promise<Uint8Array> {
    return (await this.#exports.run(
      { kind: "export", ...job },
      this.#exportTimeoutMs,
    )) as Uint8Array;
  }

  /**
   * Makes a comparison (see compareJob) in the export pool: a Word or Markdown file's bytes, or
   * one section's `{ doc, changes }` for `json`. Throws WorkerJobError when busy or stopped.
   */
  async compare(job: Omit<CompareJob, "kind">): Promise<Uint8Array | ComparedSection> {
    return (await this.#exports.run({ kind: "compare", ...job }, this.#exportTimeoutMs)) as
      | Uint8Array
      | ComparedSection;
  }

  /** Renders the comment/response matrix (see matrixJob); throws WorkerJobError when busy or stopped. */
  async renderMatrix(job: Omit<MatrixJob, "kind">): Promise<Uint8Array> {
    return (await this.#exports.run(
      { kind: "matrix", ...job },
      this.#exportTimeoutMs,
    )) as Uint8Array;
  }

  /** Writes the coded excerpts as CSV or XLSX (see excerptsJob) in the export pool. */
  async renderExcerpts(job: Omit<ExcerptsJob, "kind">): Promise<Uint8Array> {
    return (await this.#exports.run(
      { kind: "excerpts", ...job },
      this.#exportTimeoutMs,
    )) as Uint8Array;
  }

  /** Runs the preflight of the final export (see preflightJob) in the export pool. */
  async preflight(job: Omit<PreflightJob, "kind">): Promise<PreflightItem[]> {
    return (await this.#exports.run(
      { kind: "preflight", ...job },
      this.#exportTimeoutMs,
    )) as PreflightItem[];
  }

  /**
   * Answers a themes query (see themesJob) in the export pool, reading the submissions from the
   * database file in the worker. Throws WorkerJobError when busy or stopped.
   */
  async themes(databaseFile: string, query: ThemesQuery): Promise<ThemesAnswer> {
    return (await this.#exports.run(
      { kind: "themes", databaseFile, query },
      this.#exportTimeoutMs,
    )) as ThemesAnswer;
  }

  /** Stops the idle workers and refuses new jobs. */
  async close(): Promise<void> {
    await Promise.all([this.imports.close(), this.#exports.close(), this.#counts.close()]);
  }
}
