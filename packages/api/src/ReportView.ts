import type { BudgetState, TargetRange } from "@rapporteur/budget/rules";
import type { SectionStatus, WorkflowAction } from "@rapporteur/workflow/rules";

/** A lead drafter of a section, as the API shows them. */
export interface LeadView {
  id: number;
  username: string;
  displayName: string;
}

/** A section's place in the workflow, as every user sees it (the `section` event). */
export interface SectionWorkflowFacts {
  status: SectionStatus;
  /** Approved sections are locked: read-only to everyone but editors. */
  locked: boolean;
  leads: LeadView[];
  /** Display name of who last changed the status or leads (null before any change). */
  updatedBy: string | null;
}

/** A section's workflow and what the asking user may do with it (the server decides). */
export interface SectionWorkflowView extends SectionWorkflowFacts {
  /** True when the asking user cannot edit the text (the server refuses their edits). */
  readOnly: boolean;
  /** The status changes the asking user may make now, in the order the UI offers them. */
  allowedActions: WorkflowAction[];
}

/** One section as the API shows it. */
export interface SectionView extends SectionWorkflowView {
  id: string;
  title: string;
  part: string;
  /** The allocation in force: an editor's, or the outline's. */
  budget: number;
  guidance: string;
  words: number;
  footnoteWords: number;
  /** Words counted against the budget (with footnote words when the report says they count). */
  counted: number;
  /** `counted` against `budget`: short below 90 %, over above 110 % (see @rapporteur/budget). */
  state: BudgetState;
}

/** A section with its number of open comment threads (`GET /api/report`, `GET /api/sections/:id`). */
export type SectionWithComments<S extends SectionView = SectionView> = S & { openComments: number };

/** The report's totals as `GET /api/report` and `GET /api/budget` show them. */
export interface ReportTotals {
  words: number;
  footnoteWords: number;
  /** Sum of the sections' allocations. */
  budget: number;
  targetRange: TargetRange;
  /** Words counted against the budget. */
  counted: number;
  /** Null, or why the allocations do not fit the target range. */
  allocationWarning: string | null;
}

/** One part (chapter) of the outline. */
export interface ReportPart {
  id: string;
  title: string;
  /** Printed before the contents, unnumbered (the Summary). */
  frontMatter?: boolean;
}

/** The report as `GET /api/report` shows it. */
export interface ReportView {
  title: string;
  shortTitle: string;
  symbol: string;
  targetRange: TargetRange;
  parts: ReportPart[];
  /** Whether footnote words count against the budgets. */
  footnotesCount: boolean;
  sections: SectionView[];
  totals: ReportTotals;
  /**
   * Export formats this server can make (`GET /api/report` only): `pdf` only where LibreOffice
   * is installed, so that the app offers no choice the server would refuse.
   */
  exportFormats?: ("docx" | "md" | "pdf")[];
  /** The outline's revision: send it back with a change to be told when it has moved on (409). */
  revision: number;
  /** Whether the asking user may change the structure (add, move, split, merge, archive). */
  mayEditOutline: boolean;
}
