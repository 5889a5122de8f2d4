const DEFAULT_PORTS: Record<string, string> = { "http:": "80", "https:": "443" };

/**
 * Whether a browser's `Origin` (or the origin of a `Referer`) names the host the request was sent
 * to (`Host`, or the forwarded host behind a trusted proxy). The scheme is not compared: behind a
 * TLS-terminating proxy the server itself sees plain HTTP. `null` and unparsable origins fail.
 */
export function isSameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin || !host || origin === "null") return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  const defaultPort = DEFAULT_PORTS[url.protocol];
  const wanted = host.trim().toLowerCase();
  const normalised =
    defaultPort && wanted.endsWith(`:${defaultPort}`)
      ? wanted.slice(0, -(defaultPort.length + 1))
      : wanted;
  return url.host.toLowerCase() === normalised;
}

/** The origin a request claims: its `Origin` header, else the origin of its `Referer`. */
export function claimedOrigin(headers: {
  origin?: string | undefined;
  referer?: string | undefined;
}): string | undefined {
  if (headers.origin) return headers.origin;
  if (!headers.referer) return undefined;
  try {
    return new URL(headers.referer).origin;
  } catch {
    return undefined;
  }
}
