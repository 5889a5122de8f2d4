import type { BudgetState } from "@rapporteur/api";
import { budgetStateDescription } from "./budgetStateLabel";
import "./budget.css";

/** Props of {@link StateBar}. */
export interface StateBarProps {
  counted: number;
  budget: number;
  state: BudgetState;
  /** Shows a tick at 100 % of the allocation (the Budget page's wider bars). */
  large?: boolean;
  testId?: string;
}

/**
 * A bar of counted words against an allocation, coloured by the server's state (short, on track,
 * over) and named in words for screen readers and as a tooltip.
 */
export function StateBar({ counted, budget, state, large = false, testId }: StateBarProps) {
  // The bar's full width is 125 % of the allocation, so that "over" shows past the tick.
  const scale = budget > 0 ? budget * 1.25 : Math.max(counted, 1);
  const ratio = Math.min(counted / scale, 1);
  const label = budgetStateDescription(state, counted, budget);
  return (
    <span
      className={`state-bar state-bar--${state}${large ? " state-bar--large" : ""}`}
      role="img"
      aria-label={label}
      title={label}
      data-testid={testId}
      data-state={state}
    >
      <span className="state-bar__fill" style={{ width: `${(ratio * 100).toFixed(1)}%` }} />
      {budget > 0 && <span className="state-bar__tick" style={{ left: "80%" }} />}
    </span>
  );
}
