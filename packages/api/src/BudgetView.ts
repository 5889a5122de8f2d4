import type {
  BudgetProjection,
  BudgetState,
  Milestone,
  TargetRange,
} from "@rapporteur/budget/rules";
import type { ReportTotals, SectionView } from "./ReportView";

/** One part (chapter) with the totals of its sections. */
export interface PartBudgetView {
  id: string;
  title: string;
  words: number;
  footnoteWords: number;
  counted: number;
  budget: number;
  state: BudgetState;
}

/** The Budget page: `GET /api/budget`. */
export interface BudgetView {
  targetRange: TargetRange;
  footnotesCount: boolean;
  parts: PartBudgetView[];
  sections: SectionView[];
  totals: ReportTotals;
  /**
   * `toMin`: words still needed to reach the minimum (0 once reached); `toMax`: words that can
   * still be added before the maximum (negative once over).
   */
  remaining: { toMin: number; toMax: number };
  /** Counted words at the end of each day the report was edited, oldest first. */
  history: { date: string; words: number }[];
  projection: BudgetProjection;
  timetable: Milestone[];
  /** Whether an editor replaced the timetable of content/timetable.yaml. */
  timetableOverridden: boolean;
  /** Last day of the drafting milestone, the projection's deadline (null: none). */
  deadline: string | null;
  /** The server's today, `YYYY-MM-DD`, the projection's starting point. */
  today: string;
}

/** One section's allocation and state in the `budget` event. */
export interface SectionBudgetFacts {
  id: string;
  budget: number;
  counted: number;
  state: BudgetState;
}

/** The `budget` event of `/api/events`: what moves the outline's bars and the Budget page. */
export interface BudgetEvent {
  targetRange: TargetRange;
  footnotesCount: boolean;
  sections: SectionBudgetFacts[];
  parts: PartBudgetView[];
  totals: ReportTotals;
}
