export { type AccountChange, AccountEvents } from "./auth/AccountEvents";
export { ADMIN_USERNAME, bootstrapAccounts, DEMO_ACCOUNTS } from "./auth/bootstrapAccounts";
export { CollabAccess, type CollabAccessOptions } from "./auth/CollabAccess";
export { type SectionAccess, sectionAccess } from "./auth/sectionAccess";
export { readSessionToken, SESSION_COOKIE } from "./auth/sessionCookie";
export type {
  AuthenticateContext,
  AuthenticateResult,
  CollabExtension,
  ConnectionContext,
  DocumentContext,
  RelayedUpdateContext,
  StoredUpdate,
  UpdateContext,
} from "./collab/CollabExtension";
export { CollabRefusal } from "./collab/CollabRefusal";
export {
  CollabServer,
  type CollabServerOptions,
  type UpgradeRefusal,
} from "./collab/CollabServer";
export { Connection } from "./collab/Connection";
export { CloseCode, type CloseCodeValue } from "./collab/closeCodes";
export { Document } from "./collab/Document";
export { MessageType, SyncMessageType } from "./collab/messageTypes";
export { COLLAB_PATH_PREFIX, parseCollabPath } from "./collab/parseCollabPath";
export { StorageExtension } from "./collab/StorageExtension";
export {
  createRapporteurServer,
  DEFAULT_WEB_DIST,
  type ExportRecord,
  type RapporteurServer,
  type RapporteurServerOptions,
} from "./createRapporteurServer";
export { API_ROUTES, type ApiRouteName, type ApiRouteSpec } from "./http/apiRouteTable";
export { ENV_VARIABLES, EnvError, type EnvVariable, loadEnv, type ServerEnv } from "./http/env";
export { type ErrorBody, HttpError } from "./http/errors";
export { consoleLogger, type Logger, silentLogger } from "./Logger";
export type { DocumentRelay, RelayListener, RelayMessage } from "./relay/DocumentRelay";
export { RedisRelay, type RedisRelayOptions } from "./relay/RedisRelay";
export { WordCounts } from "./report/WordCounts";
export { collabTarget } from "./workspace/collabDispatch";
export {
  type InstanceServices,
  openReportWorkspace,
  type ReportWorkspace,
  type ReportWorkspaceOptions,
} from "./workspace/ReportWorkspace";
export { ReportWorkspaces } from "./workspace/ReportWorkspaces";
