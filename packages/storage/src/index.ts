export type { DocumentStore, StoredDocument } from "./DocumentStore";
export { acquireDataLock, type DataLock, DataLockedError } from "./dataLock";
