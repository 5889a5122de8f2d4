import { unDate } from "@rapporteur/dates";

/**
 * Prints a day (`YYYY-MM-DD`) as UN documents do, "12 March 2025", and a month (`YYYY-MM`) as
 * "March 2025". Anything else is returned as given.
 */
export function formatDay(value: string): string {
  return /^\d{4}-\d{2}(-\d{2})?$/.test(value) ? unDate(value) : value;
}
