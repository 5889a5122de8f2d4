import type { Milestone } from "@rapporteur/budget/rules";
import type { CommentThread } from "@rapporteur/comments/thread";
import type {
  ActionLineCount,
  CodedExcerpt,
  EvidenceCode,
  EvidenceCoverage,
  Source,
  SourceSearchResult,
  ThemePassage,
  ThemePhrase,
} from "@rapporteur/evidence/source";
import type { ApiPathName } from "./apiPaths";
import type { BudgetView } from "./BudgetView";
import type { SectionComparisonView } from "./ComparisonView";
import type { DocumentSettings, DocumentSettingsView, PreflightView } from "./DocumentSettingsView";
import type { EvidenceImportAnswer } from "./EvidenceView";
import type {
  HistoryEntry,
  HistoryPointView,
  ReportVersion,
  RestoreAnswer,
  VersionRestoreAnswer,
} from "./HistoryView";
import type { ReportNumberingView } from "./NumberingView";
import type { ArchivedSectionView, SectionHeadingView } from "./OutlineView";
import type { ReportView, SectionView } from "./ReportView";
import type { ReportListAnswer, ReportMemberView, ReportTemplateView } from "./ReportWorkspaceView";
import type { ReviewImportView } from "./ReviewImportView";
import type { AdminUserView, MeAnswer } from "./UserView";

/** One entry of the editors' audit log (`GET /api/audit`). */
export interface AuditEntryView {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  target: string | null;
  detail: Record<string, unknown> | null;
  ip: string | null;
}

/** Answer of `POST /api/sections/:id/import`. */
export interface ImportAnswer {
  /** What the import could not keep, for people. */
  warnings: string[];
  words: number;
  /** The restore point kept just before the import (restoring it undoes the import). */
  undo: { history: string | null };
}

/**
 * The JSON answer of each route, by route name (null: 204 No Content; unknown: not JSON, or not
 * read by the web app). A request built from a route name gets its answer type from here.
 */
export interface ApiAnswers {
  health: { ok: true };
  login: MeAnswer;
  logout: null;
  me: MeAnswer;
  report: ReportView;
  section: unknown;
  sectionStatus: SectionView;
  sectionLeads: SectionView;
  events: unknown;
  listUsers: { users: AdminUserView[] };
  createUser: { user: AdminUserView };
  updateUser: { user: AdminUserView };
  resetPassword: null;
  audit: { entries: AuditEntryView[]; nextBefore: number | null };
  sectionComments: { threads: CommentThread[] };
  createComment: CommentThread;
  listComments: { threads: CommentThread[] };
  commentMatrixCsv: unknown;
  commentMatrixDocx: unknown;
  replyToComment: CommentThread;
  resolveComment: CommentThread;
  reopenComment: CommentThread;
  editComment: CommentThread;
  deleteComment: null;
  acceptSuggestion: CommentThread;
  rejectSuggestion: CommentThread;
  editReply: CommentThread;
  deleteReply: null;
  exportReport: unknown;
  exportPreflight: PreflightView;
  documentSettings: DocumentSettingsView;
  updateDocumentSettings: DocumentSettingsView;
  reportNumbering: ReportNumberingView;
  anchorBlock: { anchor: string };
  emblem: unknown;
  uploadEmblem: DocumentSettingsView;
  deleteEmblem: DocumentSettingsView;
  importSection: ImportAnswer;
  importReview: ReviewImportView;
  budget: BudgetView;
  updateBudget: BudgetView;
  sectionBudget: SectionView;
  timetable: { timetable: Milestone[]; timetableOverridden: boolean; deadline: string | null };
  listVersions: ReportVersion[];
  compareSection: SectionComparisonView;
  sectionHistory: HistoryEntry[];
  sectionHistoryPoint: HistoryPointView;
  restoreSection: RestoreAnswer;
  createVersion: ReportVersion;
  version: ReportVersion & {
    sections: string[];
    /**
     * The document settings the version exports with: the ones it captured, or (a version
     * made before versions kept them, `settingsCaptured: false`) the ones in force.
     */
    documentSettings: DocumentSettings;
    settingsCaptured: boolean;
  };
  deleteVersion: null;
  restoreVersion: VersionRestoreAnswer;
  createOutlineSection: { id: string };
  updateOutlineSection: ReportView;
  archiveOutlineSection: ReportView;
  archivedSections: { sections: ArchivedSectionView[] };
  restoreOutlineSection: ReportView;
  /** `id`: the new section holding the text from the heading on. */
  splitOutlineSection: { id: string };
  mergeOutlineSection: ReportView;
  createOutlinePart: { id: string };
  updateOutlinePart: ReportView;
  sectionHeadings: { headings: SectionHeadingView[] };
  searchEvidence: SourceSearchResult;
  importEvidence: EvidenceImportAnswer;
  evidenceCodes: { codes: EvidenceCode[] };
  createEvidenceCode: EvidenceCode;
  updateEvidenceCode: EvidenceCode;
  /** `merged`: excerpts the code tagged that the `mergeInto` code now tags. */
  deleteEvidenceCode: { merged: number };
  /** The excerpts of the code and of every code nested under it. */
  evidenceCodeExcerpts: { code: EvidenceCode; excerpts: CodedExcerpt[] };
  /**
   * `merged`: excerpts the merged code tagged that `code` (the one merged into) now tags;
   * `moved`: its sub-codes, now under `code`.
   */
  mergeEvidenceCode: { merged: number; moved: number; code: EvidenceCode };
  evidenceExcerptsCsv: unknown;
  evidenceExcerptsXlsx: unknown;
  deleteEvidenceExcerpt: null;
  evidenceCoverage: EvidenceCoverage;
  /** Key phrases of the submissions' answers, most submissions first. */
  evidenceThemes: { phrases: ThemePhrase[] };
  /** Where a key phrase is used (first 500). */
  evidenceThemePassages: { passages: ThemePassage[] };
  /** Submissions per WSIS Action Line, C1..C11. */
  evidenceActionLines: { lines: ActionLineCount[] };
  /** Keywords per Action Line, and whether the user may change them. */
  actionLineRules: { rules: Record<string, string[]>; mayEdit: boolean };
  updateActionLineRules: { rules: Record<string, string[]>; mayEdit: boolean };
  evidenceSource: Source;
  updateEvidenceSource: Source;
  sourceExcerpts: { excerpts: CodedExcerpt[] };
  createEvidenceExcerpt: CodedExcerpt;
  listReports: ReportListAnswer;
  createReport: { id: number };
  reportTemplates: { templates: ReportTemplateView[] };
  reportMembers: { members: ReportMemberView[] };
  setReportMember: { member: ReportMemberView };
  removeReportMember: null;
}

/** The answer type of route `name`. */
export type ApiAnswer<N extends ApiPathName> = ApiAnswers[N];
