import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { AccountStore, AuditLog } from "@rapporteur/accounts";
import type { Outline } from "@rapporteur/outline";
import type { DocumentStore, SqliteStore } from "@rapporteur/storage";
import { WorkflowStore } from "@rapporteur/workflow";
import type { Express } from "express";
import { AccountEvents } from "./auth/AccountEvents";
import { CollabAccess } from "./auth/CollabAccess";
import { LoginGuard } from "./auth/LoginGuard";
import { upgradeAuthorizer } from "./auth/upgradeAuthorizer";
import type { CollabExtension } from "./collab/CollabExtension";
import { CollabServer } from "./collab/CollabServer";
import { StorageExtension } from "./collab/StorageExtension";
import { createApp } from "./http/createApp";
import { EventStreams } from "./http/EventStreams";
import { consoleLogger, type Logger } from "./Logger";
import { countStoredUpdates } from "./report/countYDoc";
import { WordCountExtension } from "./report/WordCountExtension";
import { WordCounts } from "./report/WordCounts";
import { sectionEvent } from "./report/workflowViews";

/** Where `vite build` writes the web app. */
export const DEFAULT_WEB_DIST = fileURLToPath(new URL("../../web/dist", import.meta.url));

/** Everything {@link createRapporteurServer} needs; the store and outline are opened by the caller. */
export interface RapporteurServerOptions {
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
  webDist?: string;
  idleUnloadMs?: number;
  compactEvery?: number;
  maxMessageBytes?: number;
  maxBodyBytes?: number;
  /** Deadline for authentication hooks of a collaboration connection, in ms (4408 beyond). */
  authTimeoutMs?: number;
  /** Extra collaboration hooks (authentication, ...), run after storage and word counts. */
  extensions?: CollabExtension[];
  logger?: Logger;
}

/** What {@link RapporteurServer.recordExport} writes to the audit log. */
export interface ExportRecord {
  /** Username of who exported. */
  actor: string;
  /** `docx`, `markdown`, ... */
  format: string;
  /** Sections exported (all when omitted). */
  sections?: string[];
  ip?: string | null;
}

/** A created server: listen, then close at shutdown. */
export interface RapporteurServer {
  readonly app: Express;
  readonly httpServer: Server;
  readonly collab: CollabServer;
  readonly counts: WordCounts;
  readonly accounts: AccountStore;
  readonly audit: AuditLog;
  readonly workflow: WorkflowStore;
  /** Access of open collaboration connections (kept current on locks and account changes). */
  readonly access: CollabAccess;
  /** Records an export in the audit log (the export routes call it). */
  recordExport(record: ExportRecord): void;
  /** Starts listening; resolves with the bound port. */
  listen(port: number, host: string): Promise<{ port: number }>;
  /**
   * Stops the HTTP server and event streams, ends collaboration connections, waits for pending
   * updates to be stored and compacts the loaded documents. Does not close the store.
   */
  close(): Promise<void>;
}

/**
 * Builds the Rapporteur server (HTTP API, web app, collaboration server on one port) on an open
 * store. Counts every section from storage first, so `/api/report` is right from the start.
 */
export async function createRapporteurServer(
  options: RapporteurServerOptions,
): Promise<RapporteurServer> {
  const logger = options.logger ?? consoleLogger;
  const { outline, store } = options;
  const counts = new WordCounts();
  for (const section of outline.sections) {
    const stored = await store.load(section.id);
    try {
      counts.set(section.id, countStoredUpdates(stored.updates));
    } catch (error) {
      logger.error(`wordcount: could not count ${section.id}`, error);
    }
  }
  const events = new EventStreams();
  counts.subscribe((change) => events.send("wordcount", change));
  const accounts = new AccountStore(options.database);
  const audit = new AuditLog(options.database);
  const workflow = new WorkflowStore(options.database);
  const accountEvents = new AccountEvents();
  const access = new CollabAccess({
    accounts,
    workflow,
    maxConnectionsPerUser: options.maxConnectionsPerUser ?? 50,
    revalidateMs: 60_000,
  });
  accountEvents.subscribe((change) => access.accountChanged(change));
  workflow.onChange((state) => {
    access.sectionChanged(state);
    events.send("section", sectionEvent(state, accounts));
  });
  const trustProxy = options.trustProxy ?? 0;
  const sessionTtlMs = options.sessionTtlMs ?? 12 * 3_600_000;

  const sectionIds = new Set(outline.sections.map((s) => s.id));
  const collab = new CollabServer({
    extensions: [
      // Access first: nothing is loaded for a connection that may not open the section.
      access,
      new StorageExtension(store, { compactEvery: options.compactEvery ?? 500 }),
      new WordCountExtension(counts, logger),
      ...(options.extensions ?? []),
    ],
    authorizeUpgrade: upgradeAuthorizer(accounts, trustProxy),
    documentExists: (name) => sectionIds.has(name),
    idleUnloadMs: options.idleUnloadMs ?? 30_000,
    maxMessageBytes: options.maxMessageBytes ?? 10 * 1024 * 1024,
    authTimeoutMs: options.authTimeoutMs,
    logger,
  });
  const app = createApp({
    outline,
    counts,
    events,
    accounts,
    audit,
    workflow,
    accountEvents,
    loginGuard: new LoginGuard(),
    sessionTtlMs,
    secureCookies: options.secureCookies ?? false,
    trustProxy,
    webDist: options.webDist ?? DEFAULT_WEB_DIST,
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    logger,
  });
  const httpServer = createServer(app);
  collab.attach(httpServer);

  let closing: Promise<void> | undefined;
  return {
    app,
    httpServer,
    collab,
    counts,
    accounts,
    audit,
    workflow,
    access,
    recordExport({ actor, format, sections, ip }) {
      audit.record({
        actor,
        action: "export",
        target: format,
        detail: sections ? { sections } : {},
        ip: ip ?? null,
      });
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
        events.closeAll();
        access.stop();
        await collab.close();
        httpServer.closeAllConnections();
        if (httpServer.listening) await stopped;
      })();
      return closing;
    },
  };
}
