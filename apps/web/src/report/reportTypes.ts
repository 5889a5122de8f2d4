import type { BudgetState } from "../budget/budgetTypes";

/** One part of the outline (Introduction, Part 1, ...), as served by `GET /api/report`. */
export interface ReportPart {
  id: string;
  title: string;
}

/** Where a section is in the review cycle. */
export type SectionStatus = "drafting" | "in_review" | "approved";

/** A lead drafter of a section. */
export interface SectionLead {
  id: number;
  username: string;
  displayName: string;
}

/** A section's place in the workflow, as `/api/report` and the `section` event give it. */
export interface SectionWorkflow {
  status: SectionStatus;
  /** Approved sections are locked: read-only to everyone but editors. */
  locked: boolean;
  leads: SectionLead[];
  /** Who last changed the status (shown as "approved by"), when the server says. */
  updatedBy?: string | null;
}

/** One section of the outline with its server-computed word counts and workflow. */
export interface ReportSection extends SectionWorkflow {
  id: string;
  title: string;
  part: string;
  budget: number;
  guidance: string;
  words: number;
  footnoteWords: number;
  /** Words counted against the budget (footnote words included when the report says so). */
  counted: number;
  /** `counted` against `budget`, as the server judges it (short < 90 %, over > 110 %). */
  state: BudgetState;
  /** Whether the signed-in user cannot edit the text (the server refuses their edits). */
  readOnly: boolean;
}

/** The report as served by `GET /api/report`. */
export interface Report {
  title: string;
  shortTitle: string;
  symbol: string;
  targetRange: { min: number; max: number };
  /** Whether footnote words count against the budgets (the Budget page's setting). */
  footnotesCount: boolean;
  parts: ReportPart[];
  sections: ReportSection[];
  totals: { words: number; footnoteWords: number; budget: number };
}

/** Payload of a `wordcount` Server-Sent Event from `GET /api/events`. */
export interface WordCountEvent {
  sectionId: string;
  words: number;
  footnoteWords: number;
}

/** Payload of a `section` Server-Sent Event: a section's status, lock or leads changed. */
export interface SectionEvent extends SectionWorkflow {
  sectionId: string;
}
