import type { ReactNode } from "react";

/** Props of {@link InAppLink}. */
export interface InAppLinkProps {
  /** The app path the link goes to. */
  path: string;
  className: string;
  /** The page shown is this link's: adds `is-active` and `aria-current="page"`. */
  active: boolean;
  testId: string;
  /** Opens `path` in place. */
  onOpen: () => void;
  children: ReactNode;
}

/**
 * A link to a page of the app that opens it in place on a plain click (through `onOpen`), and
 * normally otherwise (new tab, new window, download...).
 */
export function InAppLink({ path, className, active, testId, onOpen, children }: InAppLinkProps) {
  return (
    <a
      href={path}
      className={`${className}${active ? " is-active" : ""}`}
      aria-current={active ? "page" : undefined}
      data-testid={testId}
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
        onOpen();
      }}
    >
      {children}
    </a>
  );
}
