/** Base URL of the collaboration server on this origin: `ws(s)://host/collab`. */
export function collabUrl(location: Pick<Location, "protocol" | "host">): string {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}/collab`;
}
