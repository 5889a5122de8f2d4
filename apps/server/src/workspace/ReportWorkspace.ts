import { type AccountStore, AuditLog, type ReportDirectory } from "@rapporteur/accounts";
import type { Role } from "@rapporteur/accounts/roles";
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
import { DocumentSettingsStore, documentSettingsDefaults } from "@rapporteur/report";
import {
  type DocumentStore,
  HistoryStore,
  type SqliteStore,
  storedBytes,
  VersionStore,
} from "@rapporteur/storage";
import { WorkflowStore } from "@rapporteur/workflow";
import type { Router } from "express";
import type * as Y from "yjs";
import type { AccountEvents } from "../auth/AccountEvents";
import { CollabAccess } from "../auth/CollabAccess";
import type { HostPolicy } from "../auth/HostPolicy";
import type { SessionExpiry } from "../auth/SessionExpiry";
import { upgradeAuthorizer } from "../auth/upgradeAuthorizer";
import type { CollabExtension } from "../collab/CollabExtension";
import { CollabServer } from "../collab/CollabServer";
import { CloseCode } from "../collab/closeCodes";
import { StorageExtension } from "../collab/StorageExtension";
import type { TrafficLimits } from "../collab/trafficLimits";
import { CommentAnchorExtension } from "../comments/CommentAnchorExtension";
import { CommentService } from "../comments/CommentService";
import { commentEvent } from "../comments/commentEvent";
import type { CheckpointWorker } from "../history/CheckpointWorker";
import { ReportVersions } from "../history/ReportVersions";
import { SectionHistory } from "../history/SectionHistory";
import type { ApiDependencies } from "../http/ApiDependencies";
import { apiRouter } from "../http/apiRouter";
import { EventStreams } from "../http/EventStreams";
import type { Logger } from "../Logger";
import type { DocumentRelay } from "../relay/DocumentRelay";
import { followRelayedWorkflow } from "../relay/followRelayedWorkflow";
import { RelayExtension } from "../relay/RelayExtension";
import { relayEventStreams } from "../relay/relayEventStreams";
import { reportRelay } from "../relay/reportRelay";
import { BudgetBroadcast } from "../report/BudgetBroadcast";
import { HistoryRecorder } from "../report/HistoryRecorder";
import { LiveSectionFacts } from "../report/LiveSectionFacts";
import { MovedBlocks } from "../report/MovedBlocks";
import { ReportNumbering } from "../report/ReportNumbering";
import { SectionFactsCache } from "../report/SectionFactsCache";
import { type SectionFacts, storedSectionFacts } from "../report/sectionFacts";
import { TextRescueExtension } from "../report/TextRescueExtension";
import { WordCountExtension } from "../report/WordCountExtension";
import { WordCounts } from "../report/WordCounts";
import { sectionEvent } from "../report/workflowViews";
import type { ServerWorkers } from "../workers/ServerWorkers";

/** Sections stored in fewer bytes are recounted on the event loop, larger ones in a worker. */
const INLINE_COUNT_BYTES = 256 * 1024;

/** What every report of an instance shares: accounts, sessions, worker pools, settings. */
export interface InstanceServices {
  accounts: AccountStore;
  /** The instance's reports and who is a member of which. */
  directory: ReportDirectory;
  accountEvents: AccountEvents;
  expiry: SessionExpiry;
  hosts: HostPolicy;
  workers: ServerWorkers;
  checkpointWorker: CheckpointWorker;
  logger: Logger;
  trustProxy: number;
  sessionTtlMs: number;
  secureCookies: boolean;
  maxBodyBytes: number;
  maxImportBytes: number;
  publicOrigins: readonly string[];
  importTimeoutMs?: number;
  docxTemplate: DocxTemplate;
  timetable?: Timetable;
  maxConnectionsPerUser: number;
  idleUnloadMs?: number;
  compactEvery: number;
  history: boolean;
  maxMessageBytes: number;
  maxSectionBytes: number;
  authTimeoutMs: number;
  maxLoadedDocuments?: number;
  messagesPerSecond: number;
  messageBurst: number;
  maxBufferedBytes: number;
  trafficLimits?: Partial<TrafficLimits>;
  /** Extra collaboration hooks (authentication, ...), run after storage and word counts. */
  extensions: CollabExtension[];
  historyDebounceMs: number;
  /**
   * Relay to the other server instances on the same store: stored updates, presence and
   * event-stream events pass between them, each report on channels of its own (the caller
   * connects and closes it).
   */
  relay?: DocumentRelay;
}

/** Where a report's data lives and how its outline starts. */
export interface ReportWorkspaceOptions {
  /** The report's id in the instance (1: the instance's own database). */
  id: number;
  store: DocumentStore;
  /** The report's migrated SQLite database (workflow, comments, budgets, ... of this report). */
  database: SqliteStore["database"];
  /** The outline the report starts with, read once when the database has none. */
  seed: () => Outline;
  /** Instance routes (accounts, sessions) that only the first report's router serves. */
  instance: Pick<ApiDependencies, "loginGuard">;
}

/**
 * One report: its outline, counts, workflow, budgets, comments, history, versions, settings,
 * evidence, event streams and collaboration server, over its own database. People's roles in it
 * are their membership roles ({@link ReportDirectory}).
 */
export interface ReportWorkspace {
  readonly id: number;
  readonly outline: OutlineStore;
  readonly collab: CollabServer;
  readonly counts: WordCounts;
  readonly audit: AuditLog;
  readonly workflow: WorkflowStore;
  readonly access: CollabAccess;
  readonly budgets: BudgetStore;
  readonly history: WordHistory;
  readonly events: EventStreams;
  /** What the report's API routes read and change. */
  readonly deps: ApiDependencies;
  /** The report's routes (and, for the first report, the instance routes of the contract). */
  readonly router: Router;
  /** The role of `userId` in this report; undefined: not a member. */
  roleOf(userId: number): Role | undefined;
  /** A membership changed: open connections of `userId` get their new access (or are closed). */
  membershipChanged(userId: number): void;
  /**
   * Ends event streams and collaboration connections, waits for pending updates to be stored and
   * compacts the loaded sections. Does not close the store.
   */
  close(): Promise<void>;
}

/**
 * Opens a report over its store: counts every section from storage first, so its `/report` is
 * right from the start.
 */
export async function openReportWorkspace(
  shared: InstanceServices,
  options: ReportWorkspaceOptions,
): Promise<ReportWorkspace> {
  const { logger, accounts, accountEvents, expiry, workers, directory } = shared;
  const { store, database } = options;
  const roleOf = (userId: number) => directory.roleOf(options.id, userId);
  const outline = new OutlineStore(database, options.seed);
  const counts = new WordCounts();
  // Assigned below; used only for sections added to the outline later.
  let readFacts: (sectionId: string) => Promise<SectionFacts> = async () => {
    throw new Error("the workers have not started");
  };
  const sectionFacts = new SectionFactsCache((id) => readFacts(id));
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
  const events = new EventStreams(undefined, (token) => expiry.watch(token));
  counts.subscribe((change) => events.send("wordcount", change));
  const audit = new AuditLog(database);
  const workflow = new WorkflowStore(database);
  const access = new CollabAccess({
    accounts,
    workflow,
    roleOf,
    maxConnectionsPerUser: shared.maxConnectionsPerUser,
    revalidateMs: 60_000,
    expiry,
  });
  const stopAccountEvents = accountEvents.subscribe((change) => {
    access.accountChanged(change);
    // A session that ends (logout, expiry) ends its event streams as well as its sockets.
    if (change.type === "session_ended") events.closeWhere((owner) => owner.token === change.token);
    if (change.type === "sessions_ended") {
      events.closeWhere((owner) => owner.userId === change.userId);
    }
    if (change.type === "user_changed" && !change.user.active) {
      events.closeWhere((owner) => owner.userId === change.user.id);
    }
  });
  workflow.onChange((state) => {
    access.sectionChanged(state);
    events.send("section", sectionEvent(state, accounts));
  });
  const budgets = new BudgetStore(database, {
    targetRange: outline.current().report.targetRange,
    footnotesCount: DEFAULT_FOOTNOTES_COUNT,
    // The outline's allocations as they are now: sections come and go.
    get allocations() {
      return new Map(outline.current().sections.map((s) => [s.id, s.budget]));
    },
    timetable: shared.timetable ?? loadTimetable(),
  });
  const history = new WordHistory(database);
  const docxTemplate = shared.docxTemplate ?? loadDocxTemplate();
  const documentSettings = new DocumentSettingsStore(
    database,
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
    debounceMs: shared.historyDebounceMs,
    logger,
  });
  counts.subscribe(() => historyRecorder.countsChanged());

  const commentStore = new CommentStore(database);
  commentStore.onChange((change) => events.send("comment", commentEvent(change, commentStore)));
  // Assigned once the collaboration server exists; its hooks run only after that.
  let comments: CommentService | undefined;
  const commentAnchors = new CommentAnchorExtension(
    (sectionId, ydoc) => comments?.refreshDetached(sectionId, ydoc),
    logger,
  );
  // A usual section is read in a millisecond; a large one is read by a worker from the database
  // file, so its bytes never cross the event loop (an in-memory database: handed over).
  const databaseFile = database.memory ? null : database.name;
  // A live section is read again after each burst of keystrokes: only its changed blocks count.
  const liveFacts = new LiveSectionFacts();
  const factsFromStore = async (id: string, live?: Y.Doc): Promise<SectionFacts> => {
    if (databaseFile && storedBytes(database, id) >= INLINE_COUNT_BYTES) {
      return workers.sectionFacts({ databaseFile, section: id });
    }
    if (live && databaseFile) return liveFacts.of(live);
    const { updates } = await store.load(id);
    const bytes = updates.reduce((sum, update) => sum + update.byteLength, 0);
    if (bytes >= INLINE_COUNT_BYTES) return workers.sectionFacts(updates);
    return live ? liveFacts.of(live) : storedSectionFacts(updates);
  };
  readFacts = (id) => factsFromStore(id);
  const numbering = new ReportNumbering(
    () => sectionFacts.number(outline.current()),
    (view) => events.send("numbering", view),
    logger,
  );
  const getCollab = () => collab;
  const sectionHistory = new SectionHistory({
    worker: shared.checkpointWorker,
    history: new HistoryStore(database),
    accounts,
    collab: getCollab,
  });
  const versions = new ReportVersions({
    versions: new VersionStore(database),
    sectionHistory,
    collab: getCollab,
    store,
    outline,
    budgets,
    documentSettings,
  });
  const movedBlocks = new MovedBlocks();
  const relay = shared.relay ? reportRelay(shared.relay, options.id) : undefined;
  const relayExtension = relay
    ? new RelayExtension(relay, (section) => store.load(section), logger)
    : null;
  const stopRelayingEvents = relay ? relayEventStreams(relay, events, logger) : () => {};
  const stopFollowingSections = relay
    ? followRelayedWorkflow(relay, (id) => {
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
          compactEvery: shared.compactEvery,
          ...(shared.history ? { history: sectionHistory } : {}),
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
      ...shared.extensions,
    ],
    authorizeUpgrade: upgradeAuthorizer(accounts, shared.trustProxy, shared.hosts),
    documentExists: (name) => outline.has(name),
    documentRetired: (name) => outline.archived().some((s) => s.id === name),
    idleUnloadMs: shared.idleUnloadMs,
    maxMessageBytes: shared.maxMessageBytes,
    maxSectionBytes: shared.maxSectionBytes,
    authTimeoutMs: shared.authTimeoutMs,
    maxLoadedDocuments: shared.maxLoadedDocuments,
    messagesPerSecond: shared.messagesPerSecond,
    messageBurst: shared.messageBurst,
    maxBufferedBytes: shared.maxBufferedBytes,
    trafficLimits: shared.trafficLimits,
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
  comments = new CommentService({ comments: commentStore, collab, store, outline });
  const deps: ApiDependencies = {
    comments,
    outline,
    counts,
    events,
    accounts,
    audit,
    workflow,
    accountEvents,
    loginGuard: options.instance.loginGuard,
    sessionTtlMs: shared.sessionTtlMs,
    secureCookies: shared.secureCookies,
    maxBodyBytes: shared.maxBodyBytes,
    collab,
    store,
    budgets,
    history,
    docxTemplate,
    documentSettings,
    evidence: new EvidenceStore(database),
    coding: new CodingStore(database),
    actionLines: new ActionLineStore(database),
    ...(databaseFile ? { databaseFile } : {}),
    maxImportBytes: shared.maxImportBytes,
    publicOrigins: shared.publicOrigins,
    importTimeoutMs: shared.importTimeoutMs,
    sectionHistory,
    versions,
    workers,
    numbering,
    sectionFacts,
    movedBlocks,
    roleOf,
  };
  const router = apiRouter(deps, "report");

  let closing: Promise<void> | undefined;
  return {
    id: options.id,
    outline,
    collab,
    counts,
    audit,
    workflow,
    access,
    budgets,
    history,
    events,
    deps,
    router,
    roleOf,
    membershipChanged(userId) {
      access.membershipChanged(userId);
      if (roleOf(userId) === undefined) events.closeWhere((owner) => owner.userId === userId);
    },
    close() {
      closing ??= (async () => {
        stopAccountEvents();
        stopRelayingEvents();
        stopFollowingSections();
        events.closeAll();
        access.stop();
        await collab.close();
        relayExtension?.stop();
        // After the last recount of the unloaded sections.
        historyRecorder.stop();
        budgetBroadcast.stop();
        numbering.close();
      })();
      return closing;
    },
  };
}
