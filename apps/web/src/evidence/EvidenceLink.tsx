import { InAppLink } from "../routing/InAppLink";
import { EVIDENCE_PATH } from "../routing/parseRoute";
import { LineIcon } from "../ui/LineIcon";

/** The header's link to the Evidence page, for everyone (reviewers search, others also import). */
export function EvidenceLink({ navigate }: { navigate: (path: string) => void }) {
  return (
    <InAppLink
      path={EVIDENCE_PATH}
      className="button header-button evidence-link"
      active={window.location.pathname.startsWith(EVIDENCE_PATH)}
      testId="evidence-link"
      onOpen={() => navigate(EVIDENCE_PATH)}
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
