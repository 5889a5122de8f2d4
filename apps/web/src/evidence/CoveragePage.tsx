import type { EvidenceCoverage, ReportView } from "@rapporteur/api";
import { useEffect, useState } from "react";
import { apiRequest } from "../api/apiRequest";
import { formatNumber } from "../layout/formatNumber";
import { InAppLink } from "../routing/InAppLink";
import { evidenceSourcePath } from "../routing/parseRoute";
import { PageError } from "../ui/PageError";
import { TableHead } from "../ui/TableHead";
import { type CoverageRow, coverageRows } from "./coverageRows";
import { EvidenceTabs } from "./EvidenceTabs";
import { SOURCE_KIND_LABELS } from "./evidenceLabels";
import "./evidence.css";
import { errorMessage } from "../api/errorMessage";
import { useReportId } from "../report/ReportIdContext";

/** How many uncited sources the page lists; the rest are counted. */
const UNCITED_SHOWN = 50;

/** Props of {@link CoveragePage}. */
export interface CoveragePageProps {
  /** The report, for the sections' titles (null while it loads). */
  report: ReportView | null;
  navigate: (path: string) => void;
}

/**
 * The Coverage page: by question, stakeholder group and region how many submissions there are
 * and how many the report cites; the sources each section cites; the sources no section cites.
 */
export function CoveragePage({ report, navigate }: CoveragePageProps) {
  const [coverage, setCoverage] = useState<EvidenceCoverage | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    apiRequest("evidenceCoverage", {
      query: new URLSearchParams({ limit: String(UNCITED_SHOWN) }),
      signal: controller.signal,
    })
      .then((answer) => {
        setCoverage(answer);
        setProblem(null);
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setProblem(errorMessage(error));
      });
    return () => controller.abort();
  }, []);

  return (
    <main className="admin-page evidence-page" id="editor-main" aria-labelledby="coverage-title">
      <header className="admin-page__head">
        <h1 id="coverage-title" className="admin-page__title">
          Evidence coverage
        </h1>
        <p className="admin-page__lead">What of the evidence library the report cites.</p>
        <EvidenceTabs navigate={navigate} current="coverage" />
      </header>
      <PageError problem={problem} testId="coverage-error" />
      {!coverage && !problem && (
        <p role="status" data-testid="coverage-loading">
          Loading…
        </p>
      )}
      {coverage && <CoverageBody coverage={coverage} report={report} navigate={navigate} />}
    </main>
  );
}

function CoverageBody({
  coverage,
  report,
  navigate,
}: {
  coverage: EvidenceCoverage;
  report: ReportView | null;
  navigate: (path: string) => void;
}) {
  const tables = coverageRows(coverage);
  const titles = new Map(report?.sections.map((section) => [section.id, section.title]) ?? []);
  const citing = coverage.sections.filter((section) => section.sources.length > 0);
  const more = coverage.uncitedTotal - coverage.uncited.length;
  return (
    <>
      <p className="coverage-summary" data-testid="coverage-summary">
        The report cites {formatNumber(tables.all.cited)} of {formatNumber(tables.all.total)}{" "}
        {tables.all.total === 1 ? "submission" : "submissions"} ({tables.all.percent} %).
      </p>
      <CoverageTable
        title="By question"
        testId="coverage-question"
        rows={tables.byQuestion}
        totalLabel="Answered"
        rowLabel="Question"
      />
      <CoverageTable
        title="By stakeholder group"
        testId="coverage-group"
        rows={tables.byGroup}
        totalLabel="Submissions"
        rowLabel="Stakeholder group"
      />
      <CoverageTable
        title="By region"
        testId="coverage-region"
        rows={tables.byRegion}
        totalLabel="Submissions"
        rowLabel="Region"
      />
      <section className="coverage-section" aria-labelledby="coverage-sections-title">
        <h2 id="coverage-sections-title" className="coverage-section__title">
          Sources cited by each section
        </h2>
        {citing.length === 0 ? (
          <p data-testid="coverage-no-citations">No section cites a source yet.</p>
        ) : (
          <ul className="coverage-sections" data-testid="coverage-sections">
            {citing.map((section) => (
              <li key={section.id} data-testid={`coverage-section-${section.id}`}>
                <h3 className="coverage-sections__title">{titles.get(section.id) ?? section.id}</h3>
                <ul>
                  {section.sources.map((id) => (
                    <li key={id}>
                      <SourceLink id={id} title={undefined} navigate={navigate} />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="coverage-section" aria-labelledby="coverage-uncited-title">
        <h2 id="coverage-uncited-title" className="coverage-section__title">
          Sources not cited ({formatNumber(coverage.uncitedTotal)})
        </h2>
        {coverage.uncitedTotal === 0 ? (
          <p data-testid="coverage-all-cited">The report cites every source.</p>
        ) : (
          <ul className="coverage-uncited" data-testid="coverage-uncited">
            {coverage.uncited.map((source) => (
              <li key={source.id}>
                <SourceLink id={source.id} title={source.title} navigate={navigate} />{" "}
                <span className="coverage-uncited__kind">{SOURCE_KIND_LABELS[source.kind]}</span>
              </li>
            ))}
            {more > 0 && <li data-testid="coverage-uncited-more">{formatNumber(more)} more</li>}
          </ul>
        )}
      </section>
    </>
  );
}

/** A source's link; without a title, the source's own title is fetched. */
function SourceLink({
  id,
  title,
  navigate,
}: {
  id: number;
  title: string | undefined;
  navigate: (path: string) => void;
}) {
  const reportId = useReportId();
  const [fetched, setFetched] = useState<string | null>(null);
  useEffect(() => {
    if (title !== undefined) return;
    const controller = new AbortController();
    apiRequest("evidenceSource", { params: { id }, signal: controller.signal })
      .then((source) => setFetched(source.title))
      .catch(() => undefined);
    return () => controller.abort();
  }, [id, title]);
  return (
    <InAppLink
      path={evidenceSourcePath(reportId, id)}
      className="coverage-source-link"
      active={false}
      testId={`coverage-source-${id}`}
      onOpen={() => navigate(evidenceSourcePath(reportId, id))}
    >
      {title ?? fetched ?? `Source ${id}`}
    </InAppLink>
  );
}

function CoverageTable({
  title,
  testId,
  rows,
  totalLabel,
  rowLabel,
}: {
  rowLabel: string;
  title: string;
  testId: string;
  rows: CoverageRow[];
  totalLabel: string;
}) {
  const headingId = `${testId}-title`;
  return (
    <section className="coverage-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="coverage-section__title">
        {title}
      </h2>
      <div className="table-card">
        <table className="data-table coverage-table" data-testid={testId}>
          <caption className="visually-hidden">
            {title}: submissions and how many the report cites
          </caption>
          <TableHead
            columns={[
              rowLabel,
              { label: totalLabel, className: "num" },
              { label: "Cited", className: "num" },
              { label: "Share cited", className: "coverage-table__bar-col" },
            ]}
          />
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-testid={`${testId}-row-${row.key}`}>
                <th scope="row">{row.label}</th>
                <td className="num" data-testid={`${testId}-total-${row.key}`}>
                  {formatNumber(row.total)}
                </td>
                <td className="num" data-testid={`${testId}-cited-${row.key}`}>
                  {formatNumber(row.cited)}
                </td>
                <td>
                  <span className="coverage-bar" aria-hidden="true">
                    <span className="coverage-bar__fill" style={{ width: `${row.percent}%` }} />
                  </span>
                  <span className="coverage-bar__label">
                    {row.percent} % ({formatNumber(row.cited)} of {formatNumber(row.total)})
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
