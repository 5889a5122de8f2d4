import { openReadOnly } from "@rapporteur/storage";

// One read-only connection per database file, per worker thread.
const connections = new Map<string, ReturnType<typeof openReadOnly>>();

/** The worker thread's read-only connection to `file` (opened on first use, then kept). */
export function workerDatabase(file: string): ReturnType<typeof openReadOnly> {
  let db = connections.get(file);
  if (!db) {
    db = openReadOnly(file);
    connections.set(file, db);
  }
  return db;
}
