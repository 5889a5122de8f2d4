import { useReportId } from "../report/ReportIdContext";
import { InAppLink } from "../routing/InAppLink";
import {
  EVIDENCE_COVERAGE_PATH,
  EVIDENCE_PATH,
  EVIDENCE_THEMES_PATH,
  reportPath,
} from "../routing/parseRoute";

const TABS = [
  { key: "search", path: EVIDENCE_PATH, label: "Search" },
  { key: "coverage", path: EVIDENCE_COVERAGE_PATH, label: "Coverage" },
  { key: "themes", path: EVIDENCE_THEMES_PATH, label: "Themes" },
] as const;

/** One of the evidence pages. */
export type EvidenceTab = (typeof TABS)[number]["key"];

/** The tabs of the evidence pages: the library's search, its coverage and its themes. */
export function EvidenceTabs({
  navigate,
  current,
}: {
  navigate: (path: string) => void;
  current: EvidenceTab;
}) {
  const reportId = useReportId();
  return (
    <nav className="evidence-tabs" aria-label="Evidence pages">
      {TABS.map((tab) => (
        <InAppLink
          key={tab.key}
          path={reportPath(reportId, tab.path)}
          className="evidence-tabs__link"
          active={current === tab.key}
          testId={`evidence-tab-${tab.key}`}
          onOpen={() => navigate(reportPath(reportId, tab.path))}
        >
          {tab.label}
        </InAppLink>
      ))}
    </nav>
  );
}
