import { FIRST_REPORT_ID } from "@rapporteur/api";

/**
 * Prefix of the names of the IndexedDB copies of account `accountId`'s sections of report
 * `reportId` (a section's copy is `<prefix>:<sectionId>`), so that two reports' sections with the
 * same id never share a copy, nor do two people sharing a browser. The first report keeps the
 * names of a single-report install (`rapporteur:<accountId>`), so edits kept offline before the
 * upgrade are still found; other reports' are `rapporteur:<accountId>:report-<reportId>`, which no
 * section id can be taken for (section ids have no colon). Every copy of the account starts with
 * {@link accountCopiesPrefix}.
 */
export function localCopyPrefix(accountId: number, reportId: number): string {
  const account = `rapporteur:${accountId}`;
  return reportId === FIRST_REPORT_ID ? account : `${account}:report-${reportId}`;
}

/** What the names of all of account `accountId`'s copies start with (to forget them). */
export function accountCopiesPrefix(accountId: number): string {
  return `rapporteur:${accountId}:`;
}
