import { FIRST_REPORT_ID } from "@rapporteur/api";
import { createContext, useContext } from "react";

/** The open report's id, for the pages and links inside it (App provides it). */
export const ReportIdContext = createContext<number>(FIRST_REPORT_ID);

/** The id of the report open around this component: its links go to this report's pages. */
export function useReportId(): number {
  return useContext(ReportIdContext);
}
