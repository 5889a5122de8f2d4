import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";

/** Thrown when another live process (a running server, usually) holds the data directory. */
export class DataLockedError extends Error {
  override name = "DataLockedError";
  constructor(
    readonly holder: { pid: number; owner: string },
    dataDir: string,
  ) {
    super(
      `${dataDir} is in use by the ${holder.owner} (process ${holder.pid}). ` +
        "Stop it first, or run this command through the running server.",
    );
  }
}

/** A held lock on a data directory. */
export interface DataLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the exclusive lock on `dataDir` for this process, so that a CLI command never writes
 * documents that a running server holds in memory. A lock left by a killed process is taken over.
 */
export function acquireDataLock(dataDir: string, owner: string): DataLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, "rapporteur.lock");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, JSON.stringify({ pid: process.pid, owner }));
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          try {
            unlinkSync(path);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let holder: { pid: number; owner: string } | undefined;
      try {
        holder = JSON.parse(readFileSync(path, "utf8"));
      } catch {
        holder = undefined;
      }
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new DataLockedError(holder, dataDir);
      }
      // Stale (its process is gone) or unreadable: remove it and try again.
      try {
        unlinkSync(path);
      } catch {
        // Another process removed it first.
      }
    }
  }
  throw new Error(`Could not lock ${dataDir}: the lock file keeps changing`);
}
