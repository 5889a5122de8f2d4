import { formatDay } from "@rapporteur/budget/rules";

/** Prints an ISO date as UN documents do ("12 March 2025"); other text is printed as given. */
export function issueDate(date: string): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(date.trim())?.[0];
  return day ? formatDay(day) : date.trim();
}
