import { budgetStatus } from "./budgetStatus";

/** A thin bar showing a word count against its allocation (decorative: the numbers are text). */
export function WordBudgetBar({ words, budget }: { words: number; budget: number }) {
  const ratio = budget > 0 ? Math.min(words / budget, 1) : words > 0 ? 1 : 0;
  return (
    <span className={`budget-bar budget-bar--${budgetStatus(words, budget)}`} aria-hidden="true">
      <span className="budget-bar__fill" style={{ width: `${(ratio * 100).toFixed(1)}%` }} />
    </span>
  );
}
