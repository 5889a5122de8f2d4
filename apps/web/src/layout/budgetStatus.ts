/** How a section's length compares with its word allocation. */
export type BudgetStatus = "empty" | "under" | "near" | "over";

/**
 * Under 90% of the budget is "under", up to 110% "near" (on target), beyond that "over": drafts
 * are expected to land around the allocation, not exactly on it.
 */
export function budgetStatus(words: number, budget: number): BudgetStatus {
  if (words === 0) return "empty";
  if (budget <= 0) return "over";
  const ratio = words / budget;
  if (ratio < 0.9) return "under";
  if (ratio <= 1.1) return "near";
  return "over";
}
