import { InAppLink } from "../routing/InAppLink";
import { EVIDENCE_PATH, reportPath } from "../routing/parseRoute";
import { LineIcon } from "../ui/LineIcon";

/** The header's link to the Evidence page, for everyone (reviewers search, others also import). */
export function EvidenceLink({
  reportId,
  navigate,
}: {
  reportId: number;
  navigate: (path: string) => void;
}) {
  const path = reportPath(reportId, EVIDENCE_PATH);
  return (
    <InAppLink
      path={path}
      className="button header-button evidence-link"
      active={window.location.pathname.startsWith(path)}
      testId="evidence-link"
      onOpen={() => navigate(path)}
    >
      <LineIcon
        d="M7 12.5a5.5 5.5 0 1 0 0-11 5.5 5.5 0 0 0 0 11ZM11 11l3.5 3.5"
        size={14}
        strokeWidth={1.6}
        cap="round"
      />
      Evidence
    </InAppLink>
  );
}
