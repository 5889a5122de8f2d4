import { isIP } from "node:net";
import { hostname } from "node:os";
import { isSameOrigin } from "./isSameOrigin";

const DEFAULT_PORTS: Record<string, string> = { "http:": "80", "https:": "443" };

/**
 * Parses `RAPPORTEUR_PUBLIC_ORIGIN`: a comma-separated list of origins (`https://host[:port]`, no
 * path), normalised by `URL` (lower case, default port dropped). Throws on anything else.
 */
export function parsePublicOrigins(value: string): string[] {
  return value
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => {
      let url: URL;
      try {
        url = new URL(part);
      } catch {
        throw new Error(
          `${JSON.stringify(part)} is not an origin such as https://rapporteur.example.org`,
        );
      }
      if (url.protocol !== "http:" && url.protocol !== "https:") {
        throw new Error(`${JSON.stringify(part)} must start with https:// or http://`);
      }
      if (url.pathname !== "/" || url.search || url.hash || url.username || url.password) {
        throw new Error(`${JSON.stringify(part)} must be an origin only, without a path`);
      }
      return url.origin;
    });
}

/** The host name of a `Host` header value (`name`, `name:port`, `[v6]:port`), lower case. */
function hostName(host: string): string {
  const value = host.trim().toLowerCase();
  if (value.startsWith("[")) {
    const end = value.indexOf("]");
    return end > 0 ? value.slice(1, end) : value;
  }
  const colon = value.lastIndexOf(":");
  return colon >= 0 && value.indexOf(":") === colon ? value.slice(0, colon) : value;
}

/** `host` without the port that is the default of `protocol`. */
function withoutDefaultPort(host: string, protocol: string): string {
  const wanted = host.trim().toLowerCase();
  const port = DEFAULT_PORTS[protocol];
  return port && wanted.endsWith(`:${port}`) ? wanted.slice(0, -(port.length + 1)) : wanted;
}

/**
 * Which `Host` (or forwarded host) a state-changing request or a WebSocket upgrade may name, and
 * which `Origin` may go with it: the defence against DNS rebinding, where a page of
 * attacker.example has its name re-pointed at this server, so that its requests are
 * "same-origin" by Host and Origin alike.
 *
 * With public origins configured, the host must be one of theirs and the origin one of them.
 * Without, the host must be one a rebinding attacker cannot choose: an IP literal, `localhost`
 * (or `*.localhost`), or this machine's own host name; the origin must then match the host.
 */
export class HostPolicy {
  readonly #origins: readonly string[];
  readonly #machineNames: ReadonlySet<string>;

  constructor(publicOrigins: readonly string[] = [], machineHostname = hostname()) {
    this.#origins = publicOrigins;
    const name = machineHostname.toLowerCase();
    this.#machineNames = new Set([name, name.split(".")[0] ?? name].filter((n) => n !== ""));
  }

  /** The configured public origins (empty: development defaults). */
  get publicOrigins(): readonly string[] {
    return this.#origins;
  }

  /** Whether a request sent to `host` may change state here. */
  allowsHost(host: string | undefined): boolean {
    if (!host) return false;
    if (this.#origins.length > 0) {
      return this.#origins.some((origin) => {
        const url = new URL(origin);
        return withoutDefaultPort(host, url.protocol) === url.host;
      });
    }
    const name = hostName(host);
    return (
      isIP(name) !== 0 ||
      name === "localhost" ||
      name.endsWith(".localhost") ||
      this.#machineNames.has(name)
    );
  }

  /** Whether `origin` (a browser's `Origin`) may send a state-changing request to `host`. */
  allowsOrigin(origin: string | undefined, host: string | undefined): boolean {
    if (!isSameOrigin(origin, host) || !this.allowsHost(host)) return false;
    if (this.#origins.length === 0) return true;
    try {
      return this.#origins.includes(new URL(origin ?? "").origin);
    } catch {
      return false;
    }
  }

  /** The message of a refusal of `host`. */
  hostRefusal(host: string | undefined): string {
    const shown = JSON.stringify(host ?? "");
    return this.#origins.length > 0
      ? `This server answers as ${this.#origins.join(", ")} only, not as ${shown}: open it from that address`
      : `Host ${shown} is not this server's: open it by its IP address, localhost or this machine's name, or set RAPPORTEUR_PUBLIC_ORIGIN (DNS rebinding protection)`;
  }
}
