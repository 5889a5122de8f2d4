import { useReportId } from "../report/ReportIdContext";
import { InAppLink } from "../routing/InAppLink";
import { OUTLINE_PATH, reportPath } from "../routing/parseRoute";
import { LineIcon } from "../ui/LineIcon";
import "./outline.css";

/** The sidebar's link to the Outline page (editors restructure the report there). */
export function OutlineLink({ active, onOpen }: { active: boolean; onOpen: () => void }) {
  return (
    <InAppLink
      path={reportPath(useReportId(), OUTLINE_PATH)}
      className="outline__review outline__outline-link"
      active={active}
      testId="outline-page-link"
      onOpen={onOpen}
    >
      <LineIcon
        d="M2.5 3.5h2M6.5 3.5h7M4.5 8h2M8.5 8h5M4.5 12.5h2M8.5 12.5h5"
        size={13}
        strokeWidth={1.6}
        cap="round"
      />
      Outline
    </InAppLink>
  );
}
