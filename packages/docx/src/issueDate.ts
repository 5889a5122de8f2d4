import { unDate } from "@rapporteur/dates";

/** Prints an ISO date as UN documents do ("12 March 2025"); other text is printed as given. */
export function issueDate(date: string): string {
  const match = /^\d{4}-\d{2}-\d{2}/.exec(date.trim());
  return match ? unDate(match[0]) : date.trim();
}
