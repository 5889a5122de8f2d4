import type { ServerEventName, ServerEvents } from "@rapporteur/api";

/**
 * The fields of a Server-Sent Event's data, or null when it is not a JSON object. The data is
 * untrusted until the caller has checked the fields it reads against `ServerEvents[E]`.
 */
export function eventObject<E extends ServerEventName>(
  _event: E,
  data: string,
): { [K in keyof ServerEvents[E]]?: unknown } | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : null;
}
