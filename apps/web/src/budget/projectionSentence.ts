import type { BudgetView } from "@rapporteur/api";
import { formatDay } from "@rapporteur/budget/rules";
import { formatNumber } from "../layout/formatNumber";

/**
 * What the recent pace means, in words: "At the current pace of 350 words/day the report
 * reaches 30,000 words on 12 March 2025." ("no progress yet" when there is no pace), and what
 * the report would hold at the drafting deadline while it lies ahead.
 */
export function projectionSentence(
  budget: Pick<BudgetView, "projection" | "targetRange" | "totals" | "deadline" | "today">,
): { pace: string; deadline: string | null } {
  const { wordsPerDay, projectedDate, byDeadline } = budget.projection;
  const min = formatNumber(budget.targetRange.min);
  const perDay = formatNumber(Math.round(wordsPerDay));
  let pace: string;
  if (budget.totals.counted >= budget.targetRange.min) {
    pace = `The report has reached its minimum of ${min} words.`;
  } else if (projectedDate) {
    pace = `At the current pace of ${perDay} words/day the report reaches ${min} words on ${formatDay(projectedDate)}.`;
  } else if (wordsPerDay < 0) {
    pace = `Words are being cut (${perDay} words/day): at this pace the report does not reach ${min} words.`;
  } else {
    pace = `No progress yet: at the current pace the report does not reach ${min} words.`;
  }
  let deadline: string | null = null;
  if (budget.deadline && byDeadline !== null) {
    deadline =
      budget.deadline >= budget.today
        ? `By the end of drafting (${formatDay(budget.deadline)}) it would hold about ${formatNumber(byDeadline)} words.`
        : `Drafting was due to end on ${formatDay(budget.deadline)}.`;
  }
  return { pace, deadline };
}
