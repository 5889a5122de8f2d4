import { useReportId } from "../report/ReportIdContext";
import { InAppLink } from "../routing/InAppLink";
import { REVIEW_PATH, reportPath } from "../routing/parseRoute";
import { CommentIcon } from "./CommentIcon";

/**
 * A link to the Review page that opens it in place (through the History API, as the app's
 * router expects) on a plain click, and normally otherwise (new tab, ...).
 */
export function ReviewLink({ active }: { active: boolean }) {
  const path = reportPath(useReportId(), REVIEW_PATH);
  return (
    <InAppLink
      path={path}
      className="outline__review"
      active={active}
      testId="review-link"
      onOpen={() => {
        if (window.location.pathname === path) return;
        window.history.pushState(null, "", path);
        window.dispatchEvent(new PopStateEvent("popstate"));
      }}
    >
      <CommentIcon size={13} />
      Review comments
    </InAppLink>
  );
}
