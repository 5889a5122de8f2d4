import type { ReportListAnswer, ReportTemplateView } from "@rapporteur/api";
import { unDate } from "@rapporteur/dates";
import { useState } from "react";
import { ROLE_LABELS } from "../auth/roleLabels";
import { InAppLink } from "../routing/InAppLink";
import { reportPath } from "../routing/parseRoute";
import { Button } from "../ui/Button";
import { TableHead } from "../ui/TableHead";
import { NewReportDialog } from "./NewReportDialog";
import { useReportTemplates } from "./useReportTemplates";

/** Props of {@link ReportsPage}. */
export interface ReportsPageProps {
  list: ReportListAnswer;
  navigate: (path: string) => void;
  /** A report was created: open it. */
  onCreated: (id: number) => void;
}

function templateTitle(templates: ReportTemplateView[] | null, id: string): string {
  return templates?.find((template) => template.id === id)?.title ?? id;
}

/**
 * The user's reports (`GET /api/reports`): title, template, the user's role in each, when it was
 * created; each opens the report. Instance administrators create reports here.
 */
export function ReportsPage({ list, navigate, onCreated }: ReportsPageProps) {
  const [creating, setCreating] = useState(false);
  const { templates } = useReportTemplates();

  return (
    <main className="admin-page" id="editor-main" aria-labelledby="reports-title">
      <header className="admin-page__head admin-page__head--row">
        <div>
          <h1 id="reports-title" className="admin-page__title">
            Reports
          </h1>
          <p className="admin-page__lead">
            {list.mayCreate
              ? "Every report of this instance. Open one to write, review or manage it."
              : "The reports you work on. Open one to write or review it."}
          </p>
        </div>
        {list.mayCreate && (
          <Button variant="primary" onClick={() => setCreating(true)} data-testid="new-report">
            New report
          </Button>
        )}
      </header>
      {list.reports.length === 0 ? (
        <p className="admin-page__lead" data-testid="reports-empty">
          {list.mayCreate
            ? "There is no report yet: create the first one."
            : "You are not a member of any report yet. An editor of a report can add you."}
        </p>
      ) : (
        <div className="table-card">
          <table className="data-table" data-testid="reports-table">
            <TableHead columns={["Report", "Template", "Your role", "Created"]} />
            <tbody>
              {list.reports.map((report) => (
                <tr key={report.id} data-testid={`report-row-${report.id}`}>
                  <td>
                    <InAppLink
                      path={reportPath(report.id)}
                      className="reports__open"
                      active={false}
                      testId={`open-report-${report.id}`}
                      onOpen={() => navigate(reportPath(report.id))}
                    >
                      {report.title}
                    </InAppLink>
                  </td>
                  <td>{templateTitle(templates, report.template)}</td>
                  <td>
                    {report.role ? (
                      ROLE_LABELS[report.role]
                    ) : (
                      <span className="muted">Not a member</span>
                    )}
                  </td>
                  <td className="muted nowrap">{unDate(report.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {creating && (
        <NewReportDialog
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            onCreated(id);
          }}
        />
      )}
    </main>
  );
}
