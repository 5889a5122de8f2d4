export { allocationWarning } from "./allocationWarning";
export { type BudgetState, budgetState, OVER_ABOVE, SHORT_BELOW } from "./budgetState";
export { countedWords, DEFAULT_FOOTNOTES_COUNT, type WordTally } from "./countedWords";
export { formatDay } from "./formatDay";
export type { BudgetProjection } from "./projectBudget";
export type { TargetRange } from "./targetRange";
export type { Milestone } from "./timetable";
