import { useCallback, useState } from "react";

/** localStorage key of the outline's "My sections" filter. */
export const MY_SECTIONS_KEY = "rapporteur.mySections";

function read(): boolean {
  try {
    return window.localStorage.getItem(MY_SECTIONS_KEY) === "1";
  } catch {
    return false;
  }
}

/** Whether the outline shows only the sections the user leads; remembered in this browser. */
export function useMySectionsFilter(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(read);
  const set = useCallback((next: boolean) => {
    setOn(next);
    try {
      window.localStorage.setItem(MY_SECTIONS_KEY, next ? "1" : "0");
    } catch {
      // Private browsing: the filter still works for this visit.
    }
  }, []);
  return [on, set];
}
