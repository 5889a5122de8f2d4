/** Formats a number of milliseconds for a table: 3 significant figures, at most 2 decimals. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return "n/a";
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  if (value >= 0.1) return value.toFixed(2);
  return value.toFixed(3);
}

/** Formats bytes as MiB. */
export function mib(bytes: number): string {
  if (!Number.isFinite(bytes)) return "n/a";
  return (bytes / 2 ** 20).toFixed(1);
}

/** Formats a ratio as `1.23x`. */
export function ratio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}x` : "n/a";
}

/** Formats a count with thousands separators. */
export function count(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString("en-US") : "n/a";
}
