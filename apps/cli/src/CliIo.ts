import type { DocumentStore } from "@rapporteur/storage";

/** What a command may touch of the outside world, so that tests can run commands in-process. */
export interface CliIo {
  /** Writes to standard output (text includes its own line ends). */
  stdout(text: string): void;
  /** Writes to standard error. */
  stderr(text: string): void;
  /** Environment variables (RAPPORTEUR_DATA, RAPPORTEUR_OUTLINE). */
  env: Record<string, string | undefined>;
  /** Directory that relative paths (the data directory, input files) are resolved against. */
  cwd: string;
  /** Reads all of standard input as UTF-8 text (`--password-stdin`); absent: no input. */
  readStdin?: () => Promise<string>;
  /** Opens the document store of a data directory; SqliteStore.open by default. */
  openStore?: (dataDir: string) => DocumentStore;
}
