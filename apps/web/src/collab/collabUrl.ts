/**
 * Base URL of report `reportId`'s collaboration endpoint on this origin:
 * `ws(s)://host/collab/<reportId>` (a section connects at `.../<sectionId>` below it).
 */
export function collabUrl(location: Pick<Location, "protocol" | "host">, reportId: number): string {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}/collab/${reportId}`;
}
