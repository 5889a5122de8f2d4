import { type BudgetState, budgetState } from "@rapporteur/budget/rules";
import { useEffect, useRef } from "react";
import { announce } from "./announce";
import { formatNumber } from "./formatNumber";

/**
 * Says aloud when the open section's counted words cross a threshold of its allocation (90 %:
 * on track; 110 %: over), as the length figures and the outline's bar show it. Only crossings are
 * announced, never every word.
 */
export function useLengthAnnouncement(title: string, counted: number, budget: number): void {
  const state = budgetState(counted, budget);
  const previous = useRef<BudgetState>(state);
  useEffect(() => {
    const was = previous.current;
    previous.current = state;
    if (was === state) return;
    const figures = `${formatNumber(counted)} of ${formatNumber(budget)} words`;
    const message =
      state === "over"
        ? `“${title}” is over its allocation: ${figures}.`
        : state === "on_track"
          ? `“${title}” is within its allocation: ${figures}.`
          : `“${title}” is short of its allocation: ${figures}.`;
    announce(message, "length");
  }, [state, counted, budget, title]);
}
