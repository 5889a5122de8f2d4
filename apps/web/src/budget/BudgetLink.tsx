import { InAppLink } from "../routing/InAppLink";
import { BUDGET_PATH } from "../routing/parseRoute";
import { LineIcon } from "../ui/LineIcon";

/**
 * The header's link to the Budget page, for everyone: opens it in place on a plain click, and
 * normally otherwise (new tab, ...).
 */
export function BudgetLink({ navigate }: { navigate: (path: string) => void }) {
  return (
    <InAppLink
      path={BUDGET_PATH}
      className="button header-button budget-link"
      active={window.location.pathname === BUDGET_PATH}
      testId="budget-link"
      onOpen={() => navigate(BUDGET_PATH)}
    >
      <LineIcon d="M2.5 13.5h11M4 11V7.5M8 11V4M12 11V6" size={14} strokeWidth={1.6} cap="round" />
      Budget
    </InAppLink>
  );
}
