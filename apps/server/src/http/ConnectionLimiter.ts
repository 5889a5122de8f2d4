import type { Server } from "node:http";
import type { Duplex } from "node:stream";

/** Settings of {@link ConnectionLimiter}. */
export interface ConnectionLimits {
  /** Unauthenticated connections one address keeps beyond {@link graceMs} (its oldest are cut). */
  maxPerAddress: number;
  /** Unauthenticated connections at once, all addresses together (beyond: 503, or the oldest cut). */
  maxTotal: number;
  /**
   * Age below which a connection is never cut to make room (default 1 s): a burst of honest
   * clients behind one address (reconnecting after a restart) has that long to authenticate.
   */
  graceMs?: number;
}

/** What the limiter did so far. */
export interface ConnectionLimiterStats {
  /** Unauthenticated connections open now. */
  unauthenticated: number;
  /** Connections refused with 503 at once. */
  refused: number;
  /** Old unauthenticated connections cut to make room. */
  cut: number;
}

const onAuthenticated = new WeakMap<Duplex, () => void>();

/**
 * Marks the connection of a request as authenticated (a valid session, a sign-in, an authorized
 * WebSocket upgrade): it no longer counts against the limits of {@link ConnectionLimiter}, which
 * only bound connections of strangers. Signed-in connections are bounded per account instead.
 */
export function connectionAuthenticated(socket: Duplex): void {
  onAuthenticated.get(socket)?.();
}

const REFUSAL_BODY = JSON.stringify({
  error: {
    id: "too_many_connections",
    message: "Too many connections are waiting to sign in: try again in a moment",
  },
});
const REFUSAL =
  "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json; charset=utf-8\r\n" +
  `Retry-After: 1\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(REFUSAL_BODY)}\r\n\r\n` +
  REFUSAL_BODY;

/**
 * Bounds the connections that have not authenticated yet, so that slow or idle strangers cannot
 * take every file handle of the process. Per address: beyond `maxPerAddress`, the address's own
 * oldest connections are cut once past the grace age (checked on each new connection and every
 * second). In total: at `maxTotal`, a new connection cuts the oldest connection of the address
 * holding the most (among those past the grace age), or is answered 503 at once. So a
 * newcomer from another address always gets in, within a second, while the slow ones are cut.
 */
export class ConnectionLimiter {
  readonly #byAddress = new Map<string, Map<Duplex, number>>();
  readonly #graceMs: number;
  #total = 0;
  #refused = 0;
  #cut = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(private readonly limits: ConnectionLimits) {
    this.#graceMs = limits.graceMs ?? 1_000;
  }

  /** Applies the limits to every connection `server` accepts from now on. */
  attach(server: Server): void {
    server.on("connection", (socket: Duplex & { remoteAddress?: string }) =>
      this.#accept(socket, socket.remoteAddress ?? "unknown"),
    );
    this.#timer ??= setInterval(() => this.#trim(Date.now()), 1_000);
    this.#timer.unref();
    server.once("close", () => this.stop());
  }

  /** Stops the periodic trim. */
  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** Counters (for tests and diagnostics). */
  stats(): ConnectionLimiterStats {
    return { unauthenticated: this.#total, refused: this.#refused, cut: this.#cut };
  }

  #accept(socket: Duplex, address: string, now = Date.now()): void {
    const own = this.#byAddress.get(address);
    if (own && own.size >= this.limits.maxPerAddress) this.#cutOldest(own, now, 1);
    if (this.#total >= this.limits.maxTotal) {
      const heaviest = this.#heaviest(now);
      if (!heaviest || !this.#cutOldest(heaviest, now, 1)) {
        this.#refused++;
        socket.end(REFUSAL);
        (socket as Duplex & { destroySoon?: () => void }).destroySoon?.();
        return;
      }
    }
    const connections = own ?? new Map<Duplex, number>();
    if (!own) this.#byAddress.set(address, connections);
    connections.set(socket, now);
    this.#total++;
    const forget = () => {
      onAuthenticated.delete(socket);
      if (!connections.delete(socket)) return;
      this.#total--;
      if (connections.size === 0 && this.#byAddress.get(address) === connections) {
        this.#byAddress.delete(address);
      }
    };
    onAuthenticated.set(socket, forget);
    socket.once("close", forget);
  }

  /** Cuts up to `count` connections of the group older than the grace age; how many it cut. */
  #cutOldest(connections: Map<Duplex, number>, now: number, count: number): number {
    let cut = 0;
    for (const [socket, openedAt] of connections) {
      // Oldest first (insertion order): once one is too young, all after it are.
      if (cut >= count || now - openedAt < this.#graceMs) break;
      cut++;
      this.#cut++;
      onAuthenticated.get(socket)?.();
      socket.destroy();
    }
    return cut;
  }

  /** The address holding the most connections among those with one past the grace age. */
  #heaviest(now: number): Map<Duplex, number> | undefined {
    let heaviest: Map<Duplex, number> | undefined;
    for (const connections of this.#byAddress.values()) {
      const oldest = connections.values().next().value;
      if (oldest === undefined || now - oldest < this.#graceMs) continue;
      if (!heaviest || connections.size > heaviest.size) heaviest = connections;
    }
    return heaviest;
  }

  #trim(now: number): void {
    for (const connections of [...this.#byAddress.values()]) {
      const excess = connections.size - this.limits.maxPerAddress;
      if (excess > 0) this.#cutOldest(connections, now, excess);
    }
  }
}
