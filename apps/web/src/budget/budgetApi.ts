import type { BudgetView, Milestone, TargetRange } from "@rapporteur/api";
import { apiRequest } from "../api/apiRequest";

/** Loads the Budget page's data; throws an Error with a readable message. */
export async function fetchBudget(signal?: AbortSignal): Promise<BudgetView> {
  const budget = await apiRequest("budget", { signal });
  if (!Array.isArray(budget?.sections) || !Array.isArray(budget.history)) {
    throw new Error("The server sent budget figures in an unexpected format.");
  }
  return budget;
}

/** Editors: changes the target range and/or whether footnote words count. */
export function updateBudgetSettings(change: {
  targetRange?: TargetRange;
  footnotesCount?: boolean;
}): Promise<BudgetView> {
  return apiRequest("updateBudget", { body: change });
}

/**
 * Editors: sets a section's allocation; null restores the outline's. `budget` is sent as typed
 * (a number, or the text when it is not one) so that the server's validation message is shown.
 */
export function setSectionAllocation(sectionId: string, budget: unknown): Promise<unknown> {
  return apiRequest("sectionBudget", { params: { id: sectionId }, body: { budget } });
}

/** Editors: replaces the timetable; null restores content/timetable.yaml. */
export function setTimetable(milestones: Milestone[] | null): Promise<unknown> {
  return apiRequest("timetable", { body: { milestones } });
}
