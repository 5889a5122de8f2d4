export { FIRST_REPORT_ID } from "@rapporteur/accounts/firstReport";
export type { Role } from "@rapporteur/accounts/roles";
export type {
  BudgetProjection,
  BudgetState,
  Milestone,
  TargetRange,
} from "@rapporteur/budget/rules";
export type {
  CommentActor,
  CommentAnchor,
  CommentOrigin,
  CommentReply,
  CommentSuggestion,
  CommentThread,
  RelativePositionJSON,
  UnplacedReviewItem,
} from "@rapporteur/comments/thread";
export { commentAuthor, commentDate } from "@rapporteur/comments/thread";
export type {
  ActionLineCount,
  CodedExcerpt,
  Contributor,
  CoverageCount,
  EvidenceCode,
  EvidenceCoverage,
  ExcerptField,
  ImportKind,
  QuestionId,
  Source,
  SourceHit,
  SourceKind,
  SourceMetadataPatch,
  SourceSearchResult,
  StakeholderGroup,
  ThemePassage,
  ThemePhrase,
} from "@rapporteur/evidence/source";
export {
  IMPORT_EXTENSIONS,
  IMPORT_KINDS,
  QUESTION_IDS,
  SOURCE_KINDS,
  STAKEHOLDER_GROUPS,
} from "@rapporteur/evidence/source";
export {
  isSectionId,
  MAX_SECTION_ID_LENGTH,
  SECTION_ID_PATTERN,
} from "@rapporteur/outline/sectionId";
export type { ReferenceTarget, TargetCounts } from "@rapporteur/schema";
export type { HistoryKind } from "@rapporteur/storage/historyKind";
export type { SectionStatus, WorkflowAction } from "@rapporteur/workflow/rules";
export type { ApiAnswer, ApiAnswers, AuditEntryView, ImportAnswer } from "./ApiAnswers";
export {
  API_METHODS,
  API_PATHS,
  type ApiMethod,
  type ApiPathName,
  apiPath,
  INSTANCE_ROUTES,
  type InstanceRouteName,
  isReportRoute,
  REPORT_API_PREFIX,
  reportApiPath,
} from "./apiPaths";
export type {
  BudgetEvent,
  BudgetView,
  PartBudgetView,
  SectionBudgetFacts,
} from "./BudgetView";
export { CloseCode, type CloseCodeValue } from "./CloseCode";
export type {
  ComparisonChangeView,
  ComparisonDocNode,
  SectionComparisonView,
} from "./ComparisonView";
export {
  type DocumentSettings,
  type DocumentSettingsView,
  type EmblemView,
  MAX_EMBLEM_BYTES,
  type PreflightItem,
  type PreflightView,
} from "./DocumentSettingsView";
export type { EvidenceImportAnswer } from "./EvidenceView";
export type * from "./HistoryView";
export {
  IMPORT_FILES_DESCRIPTION,
  IMPORT_FORMATS,
  type ImportFormat,
  importFormatOf,
} from "./importFormats";
export type { ReportNumberingView, SectionNumberingView } from "./NumberingView";
export type {
  ArchivedSectionView,
  CreateOutlinePartBody,
  CreateOutlineSectionBody,
  OutlineEvent,
  SectionHeadingView,
  UpdateOutlinePartBody,
  UpdateOutlineSectionBody,
} from "./OutlineView";
export type {
  LeadView,
  ReportPart,
  ReportTotals,
  ReportView,
  SectionView,
  SectionWithComments,
  SectionWorkflowFacts,
  SectionWorkflowView,
} from "./ReportView";
export {
  type CreateReportBody,
  REPORT_TEMPLATE_IDS,
  type ReportListAnswer,
  type ReportMemberView,
  type ReportSummaryView,
  type ReportTemplateId,
  type ReportTemplateView,
  type SetReportMemberBody,
} from "./ReportWorkspaceView";
export type { ReviewImportView } from "./ReviewImportView";
export type {
  CommentEvent,
  SectionEvent,
  ServerEventName,
  ServerEvents,
  WordCountEvent,
} from "./ServerEvents";
export type { AdminUserView, MeAnswer, UserView } from "./UserView";
