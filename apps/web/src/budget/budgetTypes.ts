/** How a section, a part or the report stands against its word budget (the server decides). */
export type BudgetState = "short" | "on_track" | "over";

/** The report's target length in words, both bounds included. */
export interface TargetRange {
  min: number;
  max: number;
}

/** One part (chapter) with the totals of its sections, as `GET /api/budget` gives it. */
export interface PartBudget {
  id: string;
  title: string;
  words: number;
  footnoteWords: number;
  counted: number;
  budget: number;
  state: BudgetState;
}

/** One section's counts and allocation, as `GET /api/budget` gives it. */
export interface SectionBudget {
  id: string;
  title: string;
  part: string;
  budget: number;
  words: number;
  footnoteWords: number;
  counted: number;
  state: BudgetState;
}

/** The report's totals against the target range. */
export interface BudgetTotals {
  words: number;
  footnoteWords: number;
  /** Sum of the sections' allocations. */
  budget: number;
  targetRange: TargetRange;
  counted: number;
  /** Null, or why the allocations do not fit the target range. */
  allocationWarning: string | null;
}

/** One step of the drafting timetable: `start` and `end` are months (`YYYY-MM`) or days. */
export interface Milestone {
  id: string;
  label: string;
  start: string;
  end: string;
}

/** Where the recent pace leads. */
export interface BudgetProjection {
  wordsPerDay: number;
  /** The day the total reaches the minimum at that pace; null when it never will. */
  projectedDate: string | null;
  /** The total expected at the drafting deadline; null without a deadline. */
  byDeadline: number | null;
}

/** The Budget page's data: `GET /api/budget`. */
export interface BudgetView {
  targetRange: TargetRange;
  footnotesCount: boolean;
  parts: PartBudget[];
  sections: SectionBudget[];
  totals: BudgetTotals;
  /** Words still needed to reach the minimum, and room left before the maximum (< 0: over). */
  remaining: { toMin: number; toMax: number };
  /** Counted words at the end of each day the report was edited, oldest first. */
  history: { date: string; words: number }[];
  projection: BudgetProjection;
  timetable: Milestone[];
  timetableOverridden: boolean;
  /** Last day of drafting (`YYYY-MM-DD`), or null. */
  deadline: string | null;
  /** The server's today, `YYYY-MM-DD`. */
  today: string;
}

/** Payload of the `budget` Server-Sent Event: allocations, states and totals moved. */
export interface BudgetEvent {
  targetRange: TargetRange;
  footnotesCount: boolean;
  sections: { id: string; budget: number; counted: number; state: BudgetState }[];
  totals: BudgetTotals;
}
