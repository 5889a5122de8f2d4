import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { AccountStore, AuditLog } from "@rapporteur/accounts";
import {
  BudgetStore,
  DEFAULT_FOOTNOTES_COUNT,
  loadTimetable,
  type Timetable,
  WordHistory,
} from "@rapporteur/budget";
import { CommentStore } from "@rapporteur/comments";
import { type DocxTemplate, loadDocxTemplate } from "@rapporteur/docx";
import { ActionLineStore, CodingStore, EvidenceStore } from "@rapporteur/evidence";
import { type Outline, OutlineStore } from "@rapporteur/outline";
import {
  DocumentSettingsStore,
  documentSettingsDefaults,
  type ExportRecord,
  recordExport,
} from "@rapporteur/report";
import {
  type DocumentStore,
  HistoryStore,
  type SqliteStore,
  storedBytes,
  VersionStore,
} from "@rapporteur/storage";
import { WorkflowStore } from "@rapporteur/workflow";
import type { Express } from "express";
import type * as Y from "yjs";
import { AccountEvents } from "./auth/AccountEvents";
import { CollabAccess } from "./auth/CollabAccess";
import { HostPolicy } from "./auth/HostPolicy";
import { LoginGuard } from "./auth/LoginGuard";
import { SessionExpiry } from "./auth/SessionExpiry";
import { upgradeAuthorizer } from "./auth/upgradeAuthorizer";
import type { CollabExtension } from "./collab/CollabExtension";
import { CollabServer } from "./collab/CollabServer";
import { CloseCode } from "./collab/closeCodes";
import { StorageExtension } from "./collab/StorageExtension";
import type { TrafficLimits } from "./collab/trafficLimits";
import { CommentAnchorExtension } from "./comments/CommentAnchorExtension";
import { CommentService } from "./comments/CommentService";
import { commentEvent } from "./comments/commentEvent";
import { CheckpointWorker } from "./history/CheckpointWorker";
import { ReportVersions } from "./history/ReportVersions";
import { SectionHistory } from "./history/SectionHistory";
import { ConnectionLimiter } from "./http/ConnectionLimiter";
import { createApp } from "./http/createApp";
import { EventStreams } from "./http/EventStreams";
import { consoleLogger, type Logger } from "./Logger";
import type { DocumentRelay } from "./relay/DocumentRelay";
import { followRelayedWorkflow } from "./relay/followRelayedWorkflow";
import { RelayExtension } from "./relay/RelayExtension";
import { relayEventStreams } from "./relay/relayEventStreams";
import { BudgetBroadcast } from "./report/BudgetBroadcast";
import { HistoryRecorder } from "./report/HistoryRecorder";
import { MovedBlocks } from "./report/MovedBlocks";
import { ReportNumbering } from "./report/ReportNumbering";
import { SectionFactsCache } from "./report/SectionFactsCache";
import { type SectionFacts, storedSectionFacts, yDocFacts } from "./report/sectionFacts";
import { TextRescueExtension } from "./report/TextRescueExtension";
import { WordCountExtension } from "./report/WordCountExtension";
import { WordCounts } from "./report/WordCounts";
import { sectionEvent } from "./report/workflowViews";
import { ServerWorkers } from "./workers/ServerWorkers";

/** Where `vite build` writes the web app. */
/** Sections stored in fewer bytes are recounted on the event loop, larger ones in a worker. */
const INLINE_COUNT_BYTES = 256 * 1024;

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
   * Relay to the other server instances on the same store (a `RedisRelay`): stored updates,
   * presence and event-stream events pass between them. The caller connects and closes it.
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
  const { store } = options;
  const outline = new OutlineStore(options.database, () => options.outline);
  const counts = new WordCounts();
  // Assigned with the workers below; used only for sections added to the outline later.
  let readFacts: (sectionId: string) => Promise<SectionFacts> = async () => {
    throw new Error("the workers have not started");
  };
  const sectionFacts = new SectionFactsCache(readFacts);
  for (const section of [...outline.current().sections, ...outline.archived()]) {
    const stored = await store.load(section.id);
    try {
      const facts = storedSectionFacts(stored.updates);
      counts.set(section.id, facts.count);
      sectionFacts.set(section.id, facts);
    } catch (error) {
      logger.error(`wordcount: could not count ${section.id}`, error);
    }
  }
  const accounts = new AccountStore(options.database);
  const accountEvents = new AccountEvents();
  const expiry = new SessionExpiry(accounts, accountEvents);
  const events = new EventStreams(undefined, (token) => expiry.watch(token));
  counts.subscribe((change) => events.send("wordcount", change));
  const audit = new AuditLog(options.database);
  const workflow = new WorkflowStore(options.database);
  const access = new CollabAccess({
    accounts,
    workflow,
    maxConnectionsPerUser: options.maxConnectionsPerUser ?? 50,
    revalidateMs: 60_000,
    expiry,
  });
  accountEvents.subscribe((change) => access.accountChanged(change));
  // A session that ends (logout, expiry) ends its event streams as well as its sockets.
  accountEvents.subscribe((change) => {
    if (change.type === "session_ended") events.closeWhere((owner) => owner.token === change.token);
  });
  workflow.onChange((state) => {
    access.sectionChanged(state);
    events.send("section", sectionEvent(state, accounts));
  });
  const budgets = new BudgetStore(options.database, {
    targetRange: outline.current().report.targetRange,
    footnotesCount: DEFAULT_FOOTNOTES_COUNT,
    // The outline's allocations as they are now: sections come and go.
    get allocations() {
      return new Map(outline.current().sections.map((s) => [s.id, s.budget]));
    },
    timetable: options.timetable ?? loadTimetable(),
  });
  const history = new WordHistory(options.database);
  const docxTemplate = options.docxTemplate ?? loadDocxTemplate();
  const documentSettings = new DocumentSettingsStore(
    options.database,
    documentSettingsDefaults(outline.current(), docxTemplate),
  );
  documentSettings.onChange((view) => events.send("settings", view));
  const budgetBroadcast = new BudgetBroadcast(outline, counts, budgets, events, 1_000);
  const historyRecorder = new HistoryRecorder({
    history,
    total: () => {
      let words = 0;
      let footnoteWords = 0;
      for (const section of outline.current().sections) {
        const count = counts.get(section.id);
        words += count.words;
        footnoteWords += count.footnoteWords;
      }
      return { words, footnoteWords };
    },
    debounceMs: options.historyDebounceMs ?? 2_000,
    logger,
  });
  counts.subscribe(() => historyRecorder.countsChanged());
  const trustProxy = options.trustProxy ?? 0;
  const sessionTtlMs = options.sessionTtlMs ?? 12 * 3_600_000;

  const commentStore = new CommentStore(options.database);
  commentStore.onChange((change) => events.send("comment", commentEvent(change, commentStore)));
  // Assigned once the collaboration server exists; its hooks run only after that.
  let comments: CommentService | undefined;
  const commentAnchors = new CommentAnchorExtension(
    (sectionId, ydoc) => comments?.refreshDetached(sectionId, ydoc),
    logger,
  );
  const authTimeoutMs = options.authTimeoutMs ?? 10_000;
  const requestTimeoutMs = options.requestTimeoutMs ?? 60_000;
  const hosts = new HostPolicy(options.publicOrigins ?? []);
  const loginGuard = new LoginGuard({
    recordThrottled: ({ ip, detail }) =>
      audit.record({ actor: null, action: "login_throttled", detail, ip }),
  });
  const workers = new ServerWorkers({ importTimeoutMs: options.importTimeoutMs });
  // A usual section is read in a millisecond; a large one is read by a worker from the database
  // file, so its bytes never cross the event loop (an in-memory database: handed over).
  const databaseFile = options.database.memory ? null : options.database.name;
  const factsFromStore = async (id: string, live?: Y.Doc): Promise<SectionFacts> => {
    if (databaseFile && storedBytes(options.database, id) >= INLINE_COUNT_BYTES) {
      return workers.sectionFacts({ databaseFile, section: id });
    }
    if (live && databaseFile) return yDocFacts(live);
    const { updates } = await store.load(id);
    const bytes = updates.reduce((sum, update) => sum + update.byteLength, 0);
    if (bytes >= INLINE_COUNT_BYTES) return workers.sectionFacts(updates);
    return live ? yDocFacts(live) : storedSectionFacts(updates);
  };
  readFacts = (id) => factsFromStore(id);
  const numbering = new ReportNumbering(
    () => sectionFacts.number(outline.current()),
    (view) => events.send("numbering", view),
    logger,
  );
  const getCollab = () => collab;
  const checkpointWorker = new CheckpointWorker();
  checkpointWorker.warm();
  const sectionHistory = new SectionHistory({
    worker: checkpointWorker,
    history: new HistoryStore(options.database),
    accounts,
    collab: getCollab,
  });
  const versions = new ReportVersions({
    versions: new VersionStore(options.database),
    sectionHistory,
    collab: getCollab,
    store,
    outline,
    budgets,
    documentSettings,
  });
  const movedBlocks = new MovedBlocks();
  const relayExtension = options.relay
    ? new RelayExtension(options.relay, (section) => store.load(section), logger)
    : null;
  const stopRelayingEvents = options.relay
    ? relayEventStreams(options.relay, events, logger)
    : () => {};
  const stopFollowingSections = options.relay
    ? followRelayedWorkflow(options.relay, (id) => {
        if (outline.has(id)) access.sectionChanged(workflow.get(id));
      })
    : () => {};
  const collab: CollabServer = new CollabServer({
    extensions: [
      // Access first: nothing is loaded for a connection that may not open the section.
      access,
      // Before storage: a section is subscribed to before it is read from the store.
      ...(relayExtension ? [relayExtension] : []),
      new StorageExtension(
        store,
        {
          compactEvery: options.compactEvery ?? 500,
          ...(options.history === false ? {} : { history: sectionHistory }),
          onRepaired: (sectionId, dropped) =>
            audit.record({
              actor: null,
              action: "section_repaired",
              target: sectionId,
              detail: {
                dropped: dropped.length,
                parts: dropped.slice(0, 20).map((d) => ({ rule: d.rule, path: d.path })),
              },
            }),
        },
        logger,
      ),
      // Each count also keeps the section's numberable blocks, and renumbers the report.
      new WordCountExtension(counts, logger, 200, async (name, document) => {
        const facts = await factsFromStore(name, document.ydoc);
        if (sectionFacts.set(name, facts)) numbering.changed();
        else numbering.textChanged();
        return facts.count;
      }),
      commentAnchors,
      // Text typed into blocks a split moved away goes after them.
      new TextRescueExtension({
        moved: movedBlocks,
        openDirectConnection: (name) => collab.openDirectConnection(name),
        audit,
        logger,
      }),
      ...(options.extensions ?? []),
    ],
    authorizeUpgrade: upgradeAuthorizer(accounts, trustProxy, hosts),
    documentExists: (name) => outline.has(name),
    documentRetired: (name) => outline.archived().some((s) => s.id === name),
    idleUnloadMs: options.idleUnloadMs,
    maxMessageBytes: options.maxMessageBytes ?? 10 * 1024 * 1024,
    maxSectionBytes: options.maxSectionBytes ?? 16 * 1024 * 1024,
    authTimeoutMs,
    maxLoadedDocuments: options.maxLoadedDocuments,
    messagesPerSecond: options.messagesPerSecond ?? 200,
    messageBurst: options.messageBurst ?? 1000,
    maxBufferedBytes: options.maxBufferedBytes ?? 16 * 1024 * 1024,
    trafficLimits: options.trafficLimits,
    logger,
  });
  // Sections leaving the outline close their editors' connections (not to be retried), and every
  // client hears the change and refetches the outline.
  outline.onChange((change) => {
    for (const id of change.archived) {
      const into = change.moved.find((m) => m.from === id)?.to;
      collab.closeConnections(
        id,
        CloseCode.sectionRetired,
        into ? `Section '${id}' was merged into '${into}'` : `Section '${id}' was archived`,
      );
    }
    events.send("outline", {
      revision: change.state.revision,
      moved: change.moved,
      archived: change.archived,
    });
    // Moves and splits renumber chapters, sections and paragraphs.
    numbering.changed();
  });
  comments = new CommentService({
    comments: commentStore,
    collab,
    store,
    outline,
  });
  const app = createApp({
    comments,
    outline,
    counts,
    events,
    accounts,
    audit,
    workflow,
    accountEvents,
    loginGuard,
    hosts,
    sessionTtlMs,
    secureCookies: options.secureCookies ?? false,
    trustProxy,
    webDist: options.webDist ?? DEFAULT_WEB_DIST,
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    logger,
    collab,
    store,
    budgets,
    history,
    docxTemplate,
    documentSettings,
    evidence: new EvidenceStore(options.database),
    coding: new CodingStore(options.database),
    actionLines: new ActionLineStore(options.database),
    ...(options.database.memory ? {} : { databaseFile: options.database.name }),
    maxImportBytes: options.maxImportBytes ?? 15 * 1024 * 1024,
    publicOrigins: options.publicOrigins ?? [],
    importTimeoutMs: options.importTimeoutMs,
    sectionHistory,
    versions,
    workers,
    numbering,
    sectionFacts,
    movedBlocks,
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
  collab.attach(httpServer);

  let closing: Promise<void> | undefined;
  return {
    app,
    httpServer,
    collab,
    connections,
    counts,
    accounts,
    audit,
    workflow,
    access,
    budgets,
    history,
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
        stopRelayingEvents();
        stopFollowingSections();
        events.closeAll();
        access.stop();
        connections.stop();
        loginGuard.stop();
        expiry.stop();
        await collab.close();
        relayExtension?.stop();
        // After the last compactions of the unloaded sections.
        await checkpointWorker.stop();
        // After the last recount of the unloaded sections.
        historyRecorder.stop();
        budgetBroadcast.stop();
        numbering.close();
        await workers.close();
        httpServer.closeAllConnections();
        if (httpServer.listening) await stopped;
      })();
      return closing;
    },
  };
}
