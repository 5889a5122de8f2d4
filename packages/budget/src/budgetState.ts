/** How a section (or the report) stands against its word budget. */
export type BudgetState = "short" | "on_track" | "over";

/** Below this share of its budget a section is `short` (90 %). */
export const SHORT_BELOW = 0.9;
/** Above this share of its budget a section is `over` (110 %). */
export const OVER_ABOVE = 1.1;

/**
 * The state of `words` against `budget`: `short` below 90 % of the budget, `over` above 110 %,
 * `on_track` in between (bounds included). A zero budget is `on_track` while the section is
 * empty and `over` as soon as it holds a word.
 */
export function budgetState(words: number, budget: number): BudgetState {
  if (budget <= 0) return words > 0 ? "over" : "on_track";
  if (words < budget * SHORT_BELOW) return "short";
  if (words > budget * OVER_ABOVE) return "over";
  return "on_track";
}
