import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { DEFAULT_OUTLINE_PATH, loadOutline, type Outline, OutlineStore } from "@rapporteur/outline";
import type { DocumentStore } from "@rapporteur/storage";
import { DATABASE_FILE, SqliteStore } from "@rapporteur/storage";
import { CliError } from "./CliError";
import type { CliIo } from "./CliIo";

/** Help text lines describing the environment variables every command reads. */
export const ENVIRONMENT_HELP = `Environment:
  RAPPORTEUR_DATA     data directory (default ./data, relative to the current directory)
  RAPPORTEUR_OUTLINE  outline a new report starts with (default content/outline.yaml)`;

/** The data directory: RAPPORTEUR_DATA (default `./data`) resolved against the current directory. */
export function resolveDataDir(io: CliIo): string {
  return resolve(io.cwd, io.env.RAPPORTEUR_DATA || "data");
}

/** Loads and validates the outline (RAPPORTEUR_OUTLINE, default the shipped one). */
export function loadCliOutline(io: CliIo): Outline {
  const path = io.env.RAPPORTEUR_OUTLINE
    ? resolve(io.cwd, io.env.RAPPORTEUR_OUTLINE)
    : DEFAULT_OUTLINE_PATH;
  try {
    return loadOutline(path);
  } catch (error) {
    throw new CliError(`Cannot read the outline: ${(error as Error).message}`);
  }
}

/**
 * The report's outline in force: the database's (editors change it in the app; seeded once from
 * RAPPORTEUR_OUTLINE), or the outline file's when there is no database yet.
 */
export async function reportOutline(io: CliIo): Promise<Outline> {
  const seed = loadCliOutline(io);
  const dataDir = resolveDataDir(io);
  if (io.openStore || !existsSync(join(dataDir, DATABASE_FILE))) return seed;
  const store = openDatabase(dataDir, { mustExist: true });
  try {
    return new OutlineStore(store.database, () => seed).current();
  } finally {
    await store.close();
  }
}

/** Opens the document store of `dataDir` with the configured opener. */
export function openStore(io: CliIo, dataDir: string): DocumentStore {
  try {
    return (io.openStore ?? ((dir: string) => SqliteStore.open(dir)))(dataDir);
  } catch (error) {
    throw new CliError(`Cannot open the database in ${dataDir}: ${(error as Error).message}`);
  }
}

/** Refuses (with a {@link CliError}) a data directory that has no database yet. */
export function requireDatabaseFile(dataDir: string): void {
  if (!existsSync(join(dataDir, DATABASE_FILE))) {
    throw new CliError(
      `No Rapporteur database in ${dataDir}: check RAPPORTEUR_DATA (the server creates it on first start).`,
    );
  }
}

/**
 * Opens the SQLite database of `dataDir` (documents, accounts, comments, audit log). With
 * `mustExist`, a data directory without a database is a {@link CliError} (a mistyped
 * RAPPORTEUR_DATA), never silently created.
 */
export function openDatabase(dataDir: string, options: { mustExist: boolean }): SqliteStore {
  if (options.mustExist) requireDatabaseFile(dataDir);
  try {
    return SqliteStore.open(dataDir);
  } catch (error) {
    throw new CliError(`Cannot open the database in ${dataDir}: ${(error as Error).message}`);
  }
}

/**
 * The app's own addresses, as the server would be reached on this machine: `RAPPORTEUR_PUBLIC_ORIGIN`
 * (comma-separated) and localhost on `PORT` (default 3000). Imported links to them are removed.
 */
export function appOrigins(io: CliIo): string[] {
  const port = io.env.PORT || "3000";
  const listed = (io.env.RAPPORTEUR_PUBLIC_ORIGIN ?? "")
    .split(",")
    .map((origin) => origin.trim())
    .filter((origin) => origin !== "");
  return [...listed, `http://localhost:${port}`, `http://127.0.0.1:${port}`];
}
