const formatter = new Intl.NumberFormat("en-US");

/** Formats a count the way UN documents print them: 35,000. */
export function formatNumber(value: number): string {
  return formatter.format(value);
}
