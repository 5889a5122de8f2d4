import { InAppLink } from "../routing/InAppLink";
import { BUDGET_PATH, reportPath } from "../routing/parseRoute";
import { LineIcon } from "../ui/LineIcon";

/**
 * The header's link to the Budget page, for everyone: opens it in place on a plain click, and
 * normally otherwise (new tab, ...).
 */
export function BudgetLink({
  reportId,
  navigate,
}: {
  reportId: number;
  navigate: (path: string) => void;
}) {
  const path = reportPath(reportId, BUDGET_PATH);
  return (
    <InAppLink
      path={path}
      className="button header-button budget-link"
      active={window.location.pathname === path}
      testId="budget-link"
      onOpen={() => navigate(path)}
    >
      <LineIcon d="M2.5 13.5h11M4 11V7.5M8 11V4M12 11V6" size={14} strokeWidth={1.6} cap="round" />
      Budget
    </InAppLink>
  );
}
