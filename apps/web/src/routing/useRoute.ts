import { useCallback, useEffect, useState } from "react";
import { parseRoute, type Route, scopedLocation } from "./parseRoute";

/**
 * The route of the address bar. A saved unprefixed link of a single-report install
 * (`/sections/p1-access`) is first replaced by its `/reports/1/...` address, so that every link
 * built from here on is the report's.
 */
function currentRoute(): Route {
  const { pathname, search, hash } = window.location;
  const scoped = scopedLocation(`${pathname}${search}${hash}`);
  if (scoped) window.history.replaceState(window.history.state, "", scoped);
  return parseRoute(window.location.pathname);
}

/** The current route from the History API, and `navigate(path, { replace })` to change it. */
export function useRoute(): {
  route: Route;
  navigate: (path: string, options?: { replace?: boolean }) => void;
} {
  const [route, setRoute] = useState<Route>(currentRoute);

  useEffect(() => {
    const onPopState = () => setRoute(currentRoute());
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, []);

  const navigate = useCallback((to: string, options?: { replace?: boolean }) => {
    const path = scopedLocation(to) ?? to;
    if (path === window.location.pathname + window.location.search) return;
    if (options?.replace) window.history.replaceState(null, "", path);
    else window.history.pushState(null, "", path);
    setRoute(parseRoute(path));
  }, []);

  return { route, navigate };
}
