import type { BudgetState, ReportView, SectionBudgetFacts } from "@rapporteur/api";
import { eventObject } from "../api/eventObject";

const STATES: readonly string[] = ["short", "on_track", "over"] satisfies BudgetState[];

function isSectionChange(value: unknown): value is SectionBudgetFacts {
  if (typeof value !== "object" || value === null) return false;
  const { id, budget, counted, state } = value as Record<string, unknown>;
  return (
    typeof id === "string" &&
    Number.isInteger(budget) &&
    Number.isInteger(counted) &&
    typeof state === "string" &&
    STATES.includes(state)
  );
}

/**
 * Applies the data of a `budget` event to the report: each section's allocation, counted words
 * and state, the target range and whether footnote words count. Returns `report` itself when the data is not a valid event,
 * so a malformed message never shows a wrong state.
 */
export function applyBudgetEvent(report: ReportView, data: string): ReportView {
  const value = eventObject("budget", data);
  if (!value) return report;
  const { sections, targetRange, footnotesCount } = value;
  if (!Array.isArray(sections) || !sections.every(isSectionChange)) return report;
  const byId = new Map(sections.map((s) => [s.id, s]));
  const range = targetRange as { min?: unknown; max?: unknown } | undefined;
  const validRange = Number.isInteger(range?.min) && Number.isInteger(range?.max);
  return {
    ...report,
    ...(validRange
      ? { targetRange: { min: range?.min as number, max: range?.max as number } }
      : {}),
    ...(typeof footnotesCount === "boolean" ? { footnotesCount } : {}),
    sections: report.sections.map((section) => {
      const change = byId.get(section.id);
      return change
        ? { ...section, budget: change.budget, counted: change.counted, state: change.state }
        : section;
    }),
  };
}
