import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { AccountStore, AuditLog, FIRST_REPORT_ID, ReportDirectory } from "@rapporteur/accounts";
import { REPORT_API_PREFIX } from "@rapporteur/api";
import type { BudgetStore, Timetable, WordHistory } from "@rapporteur/budget";
import { type DocxTemplate, loadDocxTemplate } from "@rapporteur/docx";
import type { Outline } from "@rapporteur/outline";
import { type ExportRecord, recordExport } from "@rapporteur/report";
import type { DocumentStore, SqliteStore } from "@rapporteur/storage";
import type { WorkflowStore } from "@rapporteur/workflow";
import express, { type Express } from "express";
import { AccountEvents } from "./auth/AccountEvents";
import type { CollabAccess } from "./auth/CollabAccess";
import { HostPolicy } from "./auth/HostPolicy";
import { LoginGuard } from "./auth/LoginGuard";
import { SessionExpiry } from "./auth/SessionExpiry";
import type { CollabExtension } from "./collab/CollabExtension";
import type { CollabServer } from "./collab/CollabServer";
import type { TrafficLimits } from "./collab/trafficLimits";
import { CheckpointWorker } from "./history/CheckpointWorker";
import { apiRouter } from "./http/apiRouter";
import { ConnectionLimiter } from "./http/ConnectionLimiter";
import { createApp } from "./http/createApp";
import { consoleLogger, type Logger } from "./Logger";
import type { DocumentRelay } from "./relay/DocumentRelay";
import type { WordCounts } from "./report/WordCounts";
import { ServerWorkers } from "./workers/ServerWorkers";
import { collabDispatch } from "./workspace/collabDispatch";
import { openReportWorkspace } from "./workspace/ReportWorkspace";
import { ReportWorkspaces } from "./workspace/ReportWorkspaces";
import { reportDispatch } from "./workspace/reportDispatch";

/** Where `vite build` writes the web app. */
export const DEFAULT_WEB_DIST = fileURLToPath(new URL("../../web/dist", import.meta.url));

/** Everything {@link createRapporteurServer} needs; the store and outline are opened by the caller. */
export interface RapporteurServerOptions {
  /**
   * The outline a new report starts with (content/outline.yaml): it seeds the database's outline
   * once, when that is empty; afterwards the database is the truth.
   */
  outline: Outline;
  store: DocumentStore;
  /**
   * The migrated SQLite database of accounts, sessions, audit log and workflow (usually the
   * `database` of the {@link SqliteStore} given as `store`).
   */
  database: SqliteStore["database"];
  /** Lifetime of a login session, in ms (default 12 hours). */
  sessionTtlMs?: number;
  /** Mark session cookies Secure and send HSTS (served over HTTPS). */
  secureCookies?: boolean;
  /** Reverse proxies in front whose X-Forwarded-* headers are believed (default 0). */
  trustProxy?: number;
  /** Collaboration connections one account may hold at once (default 50; 4429 beyond). */
  maxConnectionsPerUser?: number;
  /**
   * Origins the server is reached at (`https://rapporteur.example.org`); state-changing requests
   * and upgrades naming another host are refused (403 `host_rejected`). Default: none, so only IP
   * addresses, localhost and the machine's host name are accepted as hosts.
   */
  publicOrigins?: readonly string[];
  /** Deadline for a whole HTTP request, headers and body, in ms (default 60 s; 408 beyond). */
  requestTimeoutMs?: number;
  /** Connections without a session one address keeps (default 256; its oldest are cut). */
  maxUnauthenticatedPerAddress?: number;
  /** Connections without a session at once (default 1024; 503 or the oldest cut beyond). */
  maxUnauthenticated?: number;
  webDist?: string;
  idleUnloadMs?: number;
  compactEvery?: number;
  /**
   * Attributed history (default true): every update stored with its authors, time and kind, and
   * checkpoints kept at compaction. False stores bare updates (to measure the history's cost).
   */
  history?: boolean;
  maxMessageBytes?: number;
  /** Largest encoded state of a section (default 16 MiB; an edit beyond it: 4413). */
  maxSectionBytes?: number;
  maxBodyBytes?: number;
  /**
   * Deadline for authentication, in ms (default 10 s): for the headers of every HTTP request,
   * which carry the session cookie of a WebSocket upgrade (the socket is closed beyond), and for
   * the authentication hooks of a collaboration connection (4408 beyond).
   */
  authTimeoutMs?: number;
  /** Sections loaded in memory at once (idle ones are unloaded first; 1013 when all are in use). */
  maxLoadedDocuments?: number;
  /** Average collaboration messages per second per connection (default 200; 0: unlimited). */
  messagesPerSecond?: number;
  /** Collaboration messages a connection may send at once above the average (default 1000). */
  messageBurst?: number;
  /** Bytes queued for a collaboration client that does not read (default 16 MiB; 1013 beyond). */
  maxBufferedBytes?: number;
  /** Presence and sync step 1 bounds per collaboration connection (default: `TRAFFIC_LIMITS`). */
  trafficLimits?: Partial<TrafficLimits>;
  /** Extra collaboration hooks (authentication, ...), run after storage and word counts. */
  extensions?: CollabExtension[];
  logger?: Logger;
  /** Largest file a section import accepts, in bytes (default 15 MiB; 413 beyond). */
  maxImportBytes?: number;
  /** Deadline of one import conversion, in ms (default 10 s; 422 `import_too_complex` beyond). */
  importTimeoutMs?: number;
  /** The drafting timetable (default: content/timetable.yaml); editors may replace it. */
  timetable?: Timetable;
  /** Settings of the Word export (default: templates/un-secretariat.yaml). */
  docxTemplate?: DocxTemplate;
  /** How long after a count change today's total is written to the history, in ms (2 s). */
  historyDebounceMs?: number;
  /**
   * Folder of the databases of reports 2 and above, one folder per report (default: `reports/`
   * beside the database file; a temporary folder for an in-memory database).
   */
  reportsDir?: string;
  /**
   * Relay to the other server instances on the same store (a `RedisRelay`): stored updates,
   * presence and event-stream events pass between them, each report on channels of its own
   * (`reportRelay`). The caller connects and closes it.
   */
  relay?: DocumentRelay;
}

export type { ExportRecord } from "@rapporteur/report";

/** A created server: listen, then close at shutdown. */
export interface RapporteurServer {
  readonly app: Express;
  readonly httpServer: Server;
  readonly collab: CollabServer;
  /** The bound on connections without a session (its counters show what it refused). */
  readonly connections: ConnectionLimiter;
  readonly counts: WordCounts;
  readonly accounts: AccountStore;
  readonly audit: AuditLog;
  readonly workflow: WorkflowStore;
  /** Access of open collaboration connections (kept current on locks and account changes). */
  readonly access: CollabAccess;
  /** Target range, footnote rule, allocations and timetable of the report. */
  readonly budgets: BudgetStore;
  /** The report's daily word totals. */
  readonly history: WordHistory;
  /** Every report of the instance (the fields above are the first report's). */
  readonly reports: ReportWorkspaces;
  /** Records an export in the audit log (the export routes call it). */
  recordExport(record: ExportRecord): void;
  /** Starts listening; resolves with the bound port. */
  listen(port: number, host: string): Promise<{ port: number }>;
  /**
   * Stops the HTTP server and event streams, ends collaboration connections, waits for pending
   * updates to be stored and compacts the loaded documents. Does not close the store (the
   * databases of reports 2 and above, which the server opened, are closed).
   */
  close(): Promise<void>;
}

/**
 * Builds the Rapporteur server (HTTP API, web app, collaboration server on one port) on an open
 * store: the instance (accounts, sessions, login guard, host policy, HTTP server, connection
 * limiter, worker pools) and its reports, each a {@link ReportWorkspace} over its own database.
 * The given store and database are the instance's and its first report's; other reports open on
 * first use. Counts every section of the first report from storage first, so `/api/report` is
 * right from the start.
 */
export async function createRapporteurServer(
  options: RapporteurServerOptions,
): Promise<RapporteurServer> {
  const logger = options.logger ?? consoleLogger;
  const accounts = new AccountStore(options.database);
  const directory = new ReportDirectory(options.database);
  const accountEvents = new AccountEvents();
  const expiry = new SessionExpiry(accounts, accountEvents);
  // The instance's audit log is the first report's (one database).
  const audit = new AuditLog(options.database);
  const trustProxy = options.trustProxy ?? 0;
  const authTimeoutMs = options.authTimeoutMs ?? 10_000;
  const requestTimeoutMs = options.requestTimeoutMs ?? 60_000;
  const hosts = new HostPolicy(options.publicOrigins ?? []);
  const loginGuard = new LoginGuard({
    recordThrottled: ({ ip, detail }) =>
      audit.record({ actor: null, action: "login_throttled", detail, ip }),
  });
  const workers = new ServerWorkers({ importTimeoutMs: options.importTimeoutMs });
  // Started now, so that the first compaction does not load it (a second of CPU beside the
  // broadcasts: the fan-out's p99 at 10 and 50 clients was 3-7x worse with a lazy start); it
  // stops after 5 minutes without a compaction, and starts again at the next one.
  const checkpointWorker = new CheckpointWorker(5 * 60_000);
  checkpointWorker.warm();
  const shared = {
    accounts,
    directory,
    accountEvents,
    expiry,
    hosts,
    workers,
    checkpointWorker,
    logger,
    trustProxy,
    sessionTtlMs: options.sessionTtlMs ?? 12 * 3_600_000,
    secureCookies: options.secureCookies ?? false,
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    maxImportBytes: options.maxImportBytes ?? 15 * 1024 * 1024,
    publicOrigins: options.publicOrigins ?? [],
    importTimeoutMs: options.importTimeoutMs,
    docxTemplate: options.docxTemplate ?? loadDocxTemplate(),
    timetable: options.timetable,
    maxConnectionsPerUser: options.maxConnectionsPerUser ?? 50,
    idleUnloadMs: options.idleUnloadMs,
    compactEvery: options.compactEvery ?? 500,
    history: options.history !== false,
    maxMessageBytes: options.maxMessageBytes ?? 10 * 1024 * 1024,
    maxSectionBytes: options.maxSectionBytes ?? 16 * 1024 * 1024,
    authTimeoutMs,
    maxLoadedDocuments: options.maxLoadedDocuments,
    messagesPerSecond: options.messagesPerSecond ?? 200,
    messageBurst: options.messageBurst ?? 1000,
    maxBufferedBytes: options.maxBufferedBytes ?? 16 * 1024 * 1024,
    trafficLimits: options.trafficLimits,
    extensions: options.extensions ?? [],
    historyDebounceMs: options.historyDebounceMs ?? 2_000,
    ...(options.relay ? { relay: options.relay } : {}),
  };
  const first = await openReportWorkspace(shared, {
    id: FIRST_REPORT_ID,
    store: options.store,
    database: options.database,
    seed: () => options.outline,
    instance: { loginGuard },
  });
  // A database that had no outline when migration 22 ran names its first report now.
  if (directory.get(FIRST_REPORT_ID)?.title === "") {
    directory.setTitle(FIRST_REPORT_ID, first.outline.current().report.title);
  }
  const reportsDir =
    options.reportsDir ??
    (options.database.memory
      ? mkdtempSync(join(tmpdir(), "rapporteur-reports-"))
      : join(dirname(options.database.name), "reports"));
  const reports = new ReportWorkspaces(shared, first, reportsDir);
  // Instance routes once at /api, then every report's routes at /api/reports/<id>/..., and the
  // first report's also at /api/... (unchanged for existing clients).
  const api = express.Router();
  api.use(apiRouter({ ...first.deps, workspaces: reports }, "instance"));
  api.use(REPORT_API_PREFIX, reportDispatch(reports, true));
  api.use(reportDispatch(reports, false));
  const app = createApp({
    ...first.deps,
    api,
    hosts,
    trustProxy,
    webDist: options.webDist ?? DEFAULT_WEB_DIST,
    logger,
  });
  // A client must send a whole request head (for an upgrade: with its session cookie) within the
  // authentication deadline and its whole request within the request deadline, so half-open and
  // trickling sockets cannot pile up; checked every second at most.
  const httpServer = createServer(
    {
      headersTimeout: Math.min(authTimeoutMs, requestTimeoutMs),
      requestTimeout: requestTimeoutMs,
      connectionsCheckingInterval: Math.max(
        100,
        Math.min(1_000, authTimeoutMs / 2, requestTimeoutMs / 2),
      ),
    },
    app,
  );
  const connections = new ConnectionLimiter({
    maxPerAddress: options.maxUnauthenticatedPerAddress ?? 256,
    maxTotal: options.maxUnauthenticated ?? 1024,
  });
  connections.attach(httpServer);
  httpServer.on("upgrade", collabDispatch(reports, logger));

  let closing: Promise<void> | undefined;
  return {
    app,
    httpServer,
    collab: first.collab,
    connections,
    counts: first.counts,
    accounts,
    audit,
    workflow: first.workflow,
    access: first.access,
    budgets: first.budgets,
    history: first.history,
    reports,
    recordExport(record: ExportRecord) {
      recordExport(audit, record);
    },
    listen(port, host) {
      return new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => {
          httpServer.off("error", reject);
          resolve({ port: (httpServer.address() as AddressInfo).port });
        });
      });
    },
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()));
        connections.stop();
        loginGuard.stop();
        expiry.stop();
        await reports.close();
        // After the last compactions of the unloaded sections.
        await checkpointWorker.stop();
        await workers.close();
        httpServer.closeAllConnections();
        if (httpServer.listening) await stopped;
      })();
      return closing;
    },
  };
}
