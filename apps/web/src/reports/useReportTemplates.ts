import type { ReportTemplateView } from "@rapporteur/api";
import { useEffect, useState } from "react";
import { apiRequest } from "../api/apiRequest";
import { errorMessage } from "../api/errorMessage";

/** The outlines a new report may start from (`GET /api/report-templates`), or why not loaded. */
export function useReportTemplates(): {
  templates: ReportTemplateView[] | null;
  problem: string | null;
} {
  const [templates, setTemplates] = useState<ReportTemplateView[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    apiRequest("reportTemplates", { signal: controller.signal }).then(
      (answer) => setTemplates(Array.isArray(answer?.templates) ? answer.templates : []),
      (failure: unknown) => {
        if (!controller.signal.aborted) {
          setProblem(errorMessage(failure));
        }
      },
    );
    return () => controller.abort();
  }, []);
  return { templates, problem };
}
