import type { AccountStore, AuditLog } from "@rapporteur/accounts";
import type { Role } from "@rapporteur/accounts/roles";
import type { BudgetStore, WordHistory } from "@rapporteur/budget";
import type { DocxTemplate } from "@rapporteur/docx";
import type { ActionLineStore, CodingStore, EvidenceStore } from "@rapporteur/evidence";
import type { OutlineStore } from "@rapporteur/outline";
import type { DocumentSettingsStore } from "@rapporteur/report";
import type { DocumentStore } from "@rapporteur/storage";
import type { WorkflowStore } from "@rapporteur/workflow";
import type { AccountEvents } from "../auth/AccountEvents";
import type { LoginGuard } from "../auth/LoginGuard";
import type { CollabServer } from "../collab/CollabServer";
import type { CommentService } from "../comments/CommentService";
import type { ReportVersions } from "../history/ReportVersions";
import type { SectionHistory } from "../history/SectionHistory";
import type { MovedBlocks } from "../report/MovedBlocks";
import type { ReportNumbering } from "../report/ReportNumbering";
import type { SectionFactsCache } from "../report/SectionFactsCache";
import type { WordCounts } from "../report/WordCounts";
import type { ServerWorkers } from "../workers/ServerWorkers";
import type { ReportWorkspaces } from "../workspace/ReportWorkspaces";
import type { EventStreams } from "./EventStreams";

/** What the API routes read and change. */
export interface ApiDependencies {
  /** The outline in force (the database is its truth) and its changes. */
  outline: OutlineStore;
  counts: WordCounts;
  events: EventStreams;
  accounts: AccountStore;
  audit: AuditLog;
  workflow: WorkflowStore;
  /** Comment threads, with what needs the sections' text (quotes, order, suggestions). */
  comments: CommentService;
  accountEvents: AccountEvents;
  loginGuard: LoginGuard;
  /** Lifetime of a session, in ms (cookie Max-Age and server-side expiry). */
  sessionTtlMs: number;
  /** Mark the session cookie Secure (served over HTTPS). */
  secureCookies: boolean;
  maxBodyBytes: number;
  /** Collaboration server: live sections read by exports and edited by imports. */
  collab: CollabServer;
  /** Stored sections, read by exports when they are not loaded. */
  store: DocumentStore;
  /** Target range, footnote rule, allocations and timetable (editors' changes over content/). */
  budgets: BudgetStore;
  /** The report's daily word totals. */
  history: WordHistory;
  /** Settings of the Word export (templates/). */
  docxTemplate: DocxTemplate;
  /** Masthead lines, issue date, job number and emblem editors set in the app. */
  documentSettings: DocumentSettingsStore;
  /** Largest file accepted by an import, in bytes (before base64). */
  maxImportBytes: number;
  /** The app's public addresses (RAPPORTEUR_PUBLIC_ORIGIN): imported links to them are removed. */
  publicOrigins?: readonly string[];
  /** Deadline of one import conversion in the import worker, in ms (default 10 s; 422 beyond). */
  importTimeoutMs?: number;
  /** Worker threads for imports, exports and the comment matrix (default: made by apiRouter). */
  workers?: ServerWorkers;
  /** The report's numbering kept current (`GET /api/report/numbering` answers from it). */
  numbering: ReportNumbering;
  /** What the server keeps of each section between changes: numberable blocks, cited sources. */
  sectionFacts: SectionFactsCache;
  /** Blocks that splits moved out of sections (text typed into them later is rescued). */
  movedBlocks: MovedBlocks;
  /** The sections' history: list, points, restores. */
  sectionHistory: SectionHistory;
  /** Named versions of the report. */
  versions: ReportVersions;
  /** The evidence library: sources and their search index. */
  evidence: EvidenceStore;
  /** The codebook and the coded excerpts of the evidence library. */
  coding: CodingStore;
  /** The keyword rules of the WSIS Action Lines. */
  actionLines: ActionLineStore;
  /**
   * The database's file, which workers open read only for work over the whole library (the
   * themes); absent for an in-memory database, whose work is then done on the event loop.
   */
  databaseFile?: string;
  /**
   * The instance's reports (the report list, creation, members); absent: the server serves one
   * report and those routes answer 404.
   */
  workspaces?: ReportWorkspaces;
  /**
   * The role of a user in the report these routes serve (undefined: not a member); absent: the
   * account's role (a one-report server).
   */
  roleOf?: (userId: number) => Role | undefined;
}
