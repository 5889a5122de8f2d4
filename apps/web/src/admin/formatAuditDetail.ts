/** An audit entry's detail as one readable line: `action submit · from drafting · to in_review`. */
export function formatAuditDetail(detail: Record<string, unknown> | null | undefined): string {
  if (!detail) return "";
  return Object.entries(detail)
    .map(([key, value]) => `${key} ${formatValue(value)}`)
    .join(" · ");
}

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.map(formatValue).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
