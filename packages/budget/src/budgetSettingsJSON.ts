import type { BudgetSettings } from "./BudgetStore";
import type { TargetRange } from "./targetRange";
import type { Milestone } from "./timetable";

/** The budget settings as a named version keeps them (see {@link budgetSettingsJSON}). */
export interface SavedBudgetSettings {
  targetRange: TargetRange;
  footnotesCount: boolean;
  allocations: Record<string, number>;
  overridden: string[];
  timetable: Milestone[];
  timetableOverridden: boolean;
}

/**
 * The budget settings as plain JSON (what a named version of the report keeps): target range,
 * footnote rule, each section's allocation and whether an editor set it, and the timetable.
 */
export function budgetSettingsJSON(settings: BudgetSettings): SavedBudgetSettings {
  return {
    targetRange: settings.targetRange,
    footnotesCount: settings.footnotesCount,
    allocations: Object.fromEntries(settings.allocations),
    overridden: [...settings.overridden],
    timetable: settings.timetable,
    timetableOverridden: settings.timetableOverridden,
  };
}
