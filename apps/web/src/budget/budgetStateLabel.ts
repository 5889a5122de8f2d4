import type { BudgetState } from "@rapporteur/api";

/** What a budget state is called on screen. */
export const BUDGET_STATE_LABELS: Record<BudgetState, string> = {
  short: "Short",
  on_track: "On track",
  over: "Over",
};

/**
 * A sentence for screen readers and tooltips: "On track: 1,650 of 1,750 words". `short` is
 * below 90 % of the allocation, `over` above 110 %.
 */
export function budgetStateDescription(state: BudgetState, counted: number, budget: number) {
  const format = (n: number) => n.toLocaleString("en-US");
  return `${BUDGET_STATE_LABELS[state]}: ${format(counted)} of ${format(budget)} words`;
}
