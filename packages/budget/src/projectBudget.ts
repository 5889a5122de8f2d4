import { addDays, daysBetween } from "./calendarDay";

/** The report's counted words at the end of one day (the server's daily history). */
export interface DailyWords {
  /** `YYYY-MM-DD`. */
  date: string;
  words: number;
}

/** Where the recent pace leads. */
export interface BudgetProjection {
  /** Words added per day over the last {@link PACE_WINDOW_DAYS} days (two decimals; may be < 0). */
  wordsPerDay: number;
  /**
   * The day the total reaches the target at that pace: today when it already has, null when
   * it never will (no progress, or words being cut).
   */
  projectedDate: string | null;
  /** The total expected at the end of `deadline` at that pace; null without a deadline. */
  byDeadline: number | null;
}

/** Days of history the pace is measured over. */
export const PACE_WINDOW_DAYS = 14;

/** What {@link projectBudget} works from. */
export interface ProjectionInput {
  /** Daily totals, any order; days without a row are days nobody edited (the total held). */
  history: readonly DailyWords[];
  /** The counted total now. */
  current: number;
  /** `YYYY-MM-DD`. */
  today: string;
  /** The total to reach (the target range's minimum). */
  target: number;
  /** Last day of drafting (`YYYY-MM-DD`), or null. */
  deadline: string | null;
}

/**
 * Projects the report's length from its recent pace. The pace is the change of the total since
 * the start of the last 14 days, per day: from the total held at the window's start (the newest
 * row on or before it, since a day without a row had no edits), or, when the history is younger,
 * from its first row. With no earlier day to compare with, the pace is 0.
 *
 * `projectedDate` is today plus the whole days the missing words take at that pace;
 * `byDeadline` is the total now plus the pace times the days left until the deadline (none once
 * it has passed), never below 0. Both use the rounded `wordsPerDay`, so clients can check them.
 */
export function projectBudget(input: ProjectionInput): BudgetProjection {
  const { current, today, target, deadline } = input;
  const windowStart = addDays(today, -PACE_WINDOW_DAYS);
  const past = input.history
    .filter((day) => day.date < today)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const before = past.filter((day) => day.date <= windowStart).at(-1);
  const baseline = before ? { date: windowStart, words: before.words } : past[0];

  let wordsPerDay = 0;
  if (baseline) {
    const span = daysBetween(baseline.date, today);
    if (span > 0) wordsPerDay = Math.round(((current - baseline.words) / span) * 100) / 100;
  }

  let projectedDate: string | null = null;
  if (current >= target) projectedDate = today;
  else if (wordsPerDay > 0) {
    projectedDate = addDays(today, Math.ceil((target - current) / wordsPerDay));
  }

  let byDeadline: number | null = null;
  if (deadline !== null) {
    const daysLeft = Math.max(0, daysBetween(today, deadline));
    byDeadline = Math.max(0, Math.round(current + wordsPerDay * daysLeft));
  }
  return { wordsPerDay, projectedDate, byDeadline };
}
