import { FIRST_REPORT_ID } from "@rapporteur/api";
import { useCallback, useState } from "react";

/** localStorage key of the outline's "My sections" filter (the first report's, as before). */
export const MY_SECTIONS_KEY = "rapporteur.mySections";

/** localStorage key of the "My sections" filter in report `reportId`: one per report. */
export function mySectionsKey(reportId: number): string {
  return reportId === FIRST_REPORT_ID ? MY_SECTIONS_KEY : `${MY_SECTIONS_KEY}.${reportId}`;
}

function read(key: string): boolean {
  try {
    return window.localStorage.getItem(key) === "1";
  } catch {
    return false;
  }
}

/**
 * Whether the outline of report `reportId` shows only the sections the user leads; remembered in
 * this browser, per report.
 */
export function useMySectionsFilter(reportId: number): [boolean, (on: boolean) => void] {
  const key = mySectionsKey(reportId);
  const [on, setOn] = useState(() => read(key));
  const set = useCallback(
    (next: boolean) => {
      setOn(next);
      try {
        window.localStorage.setItem(key, next ? "1" : "0");
      } catch {
        // Private browsing: the filter still works for this visit.
      }
    },
    [key],
  );
  return [on, set];
}
