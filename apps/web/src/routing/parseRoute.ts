/** Where the address bar points. */
export type Route =
  | { kind: "home" }
  | { kind: "section"; sectionId: string }
  | { kind: "notFound"; path: string };

/** Path of a section's page. */
export function sectionPath(sectionId: string): string {
  return `/sections/${encodeURIComponent(sectionId)}`;
}

/** Reads a location pathname: `/` and `/sections/<id>` are the app's pages. */
export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, "") || "/";
  if (path === "/") return { kind: "home" };
  const match = /^\/sections\/([^/]+)$/.exec(path);
  if (match?.[1]) {
    try {
      return { kind: "section", sectionId: decodeURIComponent(match[1]) };
    } catch {
      return { kind: "notFound", path };
    }
  }
  return { kind: "notFound", path };
}
