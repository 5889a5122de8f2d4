export { type BackupSummary, backupDatabase } from "./backupDatabase";
export type { DocumentStore, HistoryKind, StoredDocument, UpdateMeta } from "./DocumentStore";
export { acquireDataLock, type DataLock, DataLockedError } from "./dataLock";
export {
  type AttributedUpdate,
  type HistoryPoint,
  type HistoryPointInput,
  HistoryStore,
} from "./HistoryStore";
export { MIGRATIONS, type Migration, migrate } from "./migrations";
export { openReadOnly } from "./openReadOnly";
export { PostgresHistory } from "./PostgresHistory";
export { PostgresStore, type PostgresStoreOptions } from "./PostgresStore";
export { MINUTE_RESOLUTION_MS } from "./planThinning";
export {
  MIGRATION_LOCK_KEY,
  migratePostgres,
  POSTGRES_MIGRATIONS,
  type PostgresMigration,
} from "./postgresMigrations";
export { type RestoreSummary, restoreDatabase } from "./restoreDatabase";
export { DATABASE_FILE, SqliteStore } from "./SqliteStore";
export { LOAD_UPDATES_SQL, readStoredDocument, storedBytes } from "./storedUpdates";
export {
  type StoredVersion,
  type VersionInput,
  type VersionSection,
  VersionStore,
} from "./VersionStore";
export {
  DatabaseFileError,
  type DatabaseFileSummary,
  verifyDatabaseFile,
} from "./verifyDatabaseFile";
