import { REVIEW_PATH } from "../routing/parseRoute";

/**
 * A link to the Review page that opens it in place (through the History API, as the app's
 * router expects) on a plain click, and normally otherwise (new tab, ...).
 */
export function ReviewLink({ active }: { active: boolean }) {
  return (
    <a
      href={REVIEW_PATH}
      className={`outline__review${active ? " is-active" : ""}`}
      aria-current={active ? "page" : undefined}
      data-testid="review-link"
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
        if (window.location.pathname === REVIEW_PATH) return;
        window.history.pushState(null, "", REVIEW_PATH);
        window.dispatchEvent(new PopStateEvent("popstate"));
      }}
    >
      <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
        <path
          d="M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.4"
          strokeLinejoin="round"
        />
      </svg>
      Review comments
    </a>
  );
}
