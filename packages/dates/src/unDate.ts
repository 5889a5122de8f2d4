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

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * A date as UN documents write it, never ambiguous: "7 December 2026". Given `YYYY-MM-DD` (a
 * day, printed as written), `YYYY-MM` ("December 2026"), or a timestamp (`Date`, ISO string with
 * a time, epoch ms) printed in the reader's time zone; `withTime` adds "14:05" (24-hour clock)
 * to timestamps. Anything unreadable is returned as given.
 */
export function unDate(
  value: string | number | Date,
  options: { withTime?: boolean } = {},
): string {
  if (typeof value === "string") {
    const day = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value.trim());
    if (day) {
      const month = MONTHS[Number(day[2]) - 1];
      if (!month) return value;
      return day[3] ? `${Number(day[3])} ${month} ${day[1]}` : `${month} ${day[1]}`;
    }
  }
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const text = `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
  return options.withTime ? `${text}, ${pad(date.getHours())}:${pad(date.getMinutes())}` : text;
}
