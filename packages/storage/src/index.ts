export type { DocumentStore, StoredDocument } from "./DocumentStore";
export { acquireDataLock, type DataLock, DataLockedError } from "./dataLock";
export { MIGRATIONS, type Migration, migrate } from "./migrations";
export { DATABASE_FILE, SqliteStore } from "./SqliteStore";
