import type { BudgetState } from "@rapporteur/api";
import { BUDGET_STATE_LABELS, budgetStateDescription } from "./budgetStateLabel";

/** The state of a count against its allocation, in colour and in words. */
export function BudgetStateBadge({
  state,
  counted,
  budget,
  testId,
}: {
  state: BudgetState;
  counted: number;
  budget: number;
  testId?: string;
}) {
  return (
    <span
      className={`budget-state budget-state--${state}`}
      title={budgetStateDescription(state, counted, budget)}
      data-testid={testId}
      data-state={state}
    >
      <span className="budget-state__dot" aria-hidden="true" />
      {BUDGET_STATE_LABELS[state]}
    </span>
  );
}
