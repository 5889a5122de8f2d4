import { BUDGET_PATH } from "../routing/parseRoute";

/**
 * The header's link to the Budget page, for everyone: opens it in place on a plain click, and
 * normally otherwise (new tab, ...).
 */
export function BudgetLink({ navigate }: { navigate: (path: string) => void }) {
  const active = window.location.pathname === BUDGET_PATH;
  return (
    <a
      href={BUDGET_PATH}
      className={`button header-button budget-link${active ? " is-active" : ""}`}
      aria-current={active ? "page" : undefined}
      data-testid="budget-link"
      onClick={(event) => {
        if (
          event.button !== 0 ||
          event.metaKey ||
          event.ctrlKey ||
          event.shiftKey ||
          event.altKey
        ) {
          return;
        }
        event.preventDefault();
        navigate(BUDGET_PATH);
      }}
    >
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
        <path
          d="M2.5 13.5h11M4 11V7.5M8 11V4M12 11V6"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
          strokeLinecap="round"
        />
      </svg>
      Budget
    </a>
  );
}
