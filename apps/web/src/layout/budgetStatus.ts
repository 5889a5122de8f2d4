import { budgetState } from "@rapporteur/budget/rules";

/** How a section's length compares with its word allocation. */
export type BudgetStatus = "empty" | "under" | "near" | "over";

const STATUS_OF_STATE = { short: "under", on_track: "near", over: "over" } as const;

/**
 * The bar's status: "empty" without words, else the budget's own state (`budgetState`: under 90 %
 * of the budget short, up to 110 % on track, beyond over) under the bar's names.
 */
export function budgetStatus(words: number, budget: number): BudgetStatus {
  if (words === 0) return "empty";
  return STATUS_OF_STATE[budgetState(words, budget)];
}
