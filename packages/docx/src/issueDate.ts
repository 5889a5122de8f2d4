const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** Prints an ISO date as UN documents do ("12 March 2025"); other text is printed as given. */
export function issueDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date.trim());
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) return date.trim();
  return `${Number(match[3])} ${month} ${match[1]}`;
}
