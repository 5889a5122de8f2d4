import type { ReportListAnswer } from "@rapporteur/api";
import { useCallback, useEffect, useState } from "react";
import { ApiError } from "../api/ApiError";
import { apiRequest } from "../api/apiRequest";
import { errorMessage } from "../api/errorMessage";

/** What {@link useReportList} returns. */
export interface ReportListState {
  /** The server's answer; null until it came. */
  list: ReportListAnswer | null;
  /** Why the list could not be loaded (shown with a retry). */
  error: string | null;
  /** Loads the list again (a report was created, a membership changed). */
  reload: () => void;
}

/** The signed-in user's reports and whether they may create one (`GET /api/reports`). */
export function useReportList(): ReportListState {
  const [list, setList] = useState<ReportListAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    void generation;
    const controller = new AbortController();
    apiRequest("listReports", { signal: controller.signal }).then(
      (answer) => {
        if (!Array.isArray(answer?.reports)) {
          setError("The server sent the report list in an unexpected format.");
          return;
        }
        setList(answer);
        setError(null);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        if (failure instanceof ApiError && failure.status === 401) return;
        setError(errorMessage(failure));
      },
    );
    return () => controller.abort();
  }, [generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { list, error, reload };
}
