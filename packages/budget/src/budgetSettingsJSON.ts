import type { BudgetSettings } from "./BudgetStore";

/**
 * The budget settings as plain JSON (what a named version of the report keeps): target range,
 * footnote rule, each section's allocation and whether an editor set it, and the timetable.
 */
export function budgetSettingsJSON(settings: BudgetSettings): Record<string, unknown> {
  return {
    targetRange: settings.targetRange,
    footnotesCount: settings.footnotesCount,
    allocations: Object.fromEntries(settings.allocations),
    overridden: [...settings.overridden],
    timetable: settings.timetable,
    timetableOverridden: settings.timetableOverridden,
  };
}
