import { unDate } from "@rapporteur/dates";

/** "12 March 2026, 14:05": when a comment or reply was written, in the reader's time zone. */
export function formatCommentDate(iso: string): string {
  return unDate(iso, { withTime: true });
}
