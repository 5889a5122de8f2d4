export { type BackupSummary, backupDatabase } from "./backupDatabase";
export type { DocumentStore, StoredDocument } from "./DocumentStore";
export { acquireDataLock, type DataLock, DataLockedError } from "./dataLock";
export { MIGRATIONS, type Migration, migrate } from "./migrations";
export { type RestoreSummary, restoreDatabase } from "./restoreDatabase";
export { DATABASE_FILE, SqliteStore } from "./SqliteStore";
export {
  DatabaseFileError,
  type DatabaseFileSummary,
  verifyDatabaseFile,
} from "./verifyDatabaseFile";
