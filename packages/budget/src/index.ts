export { allocationWarning } from "./allocationWarning";
export {
  type BudgetChange,
  type BudgetDefaults,
  type BudgetSettings,
  BudgetStore,
} from "./BudgetStore";
export { budgetSettingsJSON, type SavedBudgetSettings } from "./budgetSettingsJSON";
export { type BudgetState, budgetState, OVER_ABOVE, SHORT_BELOW } from "./budgetState";
export { addDays, daysBetween, isCalendarDay, localDay } from "./calendarDay";
export { countedWords, DEFAULT_FOOTNOTES_COUNT, type WordTally } from "./countedWords";
export { formatDay } from "./formatDay";
export {
  DEFAULT_TIMETABLE_PATH,
  loadTimetable,
  parseTimetable,
  TimetableError,
} from "./loadTimetable";
export {
  type BudgetProjection,
  type DailyWords,
  PACE_WINDOW_DAYS,
  type ProjectionInput,
  projectBudget,
} from "./projectBudget";
export { MAX_TARGET_WORDS, type TargetRange, targetRangeSchema } from "./targetRange";
export {
  DRAFTING_MILESTONE,
  draftingDeadline,
  type Milestone,
  milestoneSchema,
  periodEnd,
  periodStart,
  type Timetable,
  timetableSchema,
} from "./timetable";
export { type HistoryDay, WordHistory } from "./WordHistory";
