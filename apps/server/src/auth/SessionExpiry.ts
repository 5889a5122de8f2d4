import type { AccountEvents } from "./AccountEvents";

/** Longest delay `setTimeout` accepts (about 24.8 days); later expiries are reached in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** What the expiry timers need of the account store. */
export interface SessionExpirySource {
  /** When the session behind `token` expires (ms since the epoch), or undefined if it is gone. */
  sessionExpiresAt(token: string): number | undefined;
}

/**
 * Ends sessions that are in use (open collaboration sockets, event streams) at their expiry
 * time, not at the next periodic check: one timer per session in use, which emits
 * `session_ended` on {@link AccountEvents} when it fires, as a logout does.
 */
export class SessionExpiry {
  readonly #watched = new Map<string, { users: number; timer: NodeJS.Timeout | null }>();

  constructor(
    private readonly sessions: SessionExpirySource,
    private readonly events: AccountEvents,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Watches the session `token` while something uses it; returns the function that stops
   * watching (the socket or stream has closed). A session already gone ends at once.
   */
  watch(token: string): () => void {
    let watched = this.#watched.get(token);
    if (!watched) {
      watched = { users: 0, timer: null };
      this.#watched.set(token, watched);
      this.#schedule(token, watched, true);
    }
    watched.users++;
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      const current = this.#watched.get(token);
      if (!current || --current.users > 0) return;
      if (current.timer) clearTimeout(current.timer);
      this.#watched.delete(token);
    };
  }

  /** Stops every timer (shutdown). */
  stop(): void {
    for (const { timer } of this.#watched.values()) if (timer) clearTimeout(timer);
    this.#watched.clear();
  }

  #schedule(token: string, watched: { timer: NodeJS.Timeout | null }, first = false): void {
    const expiresAt = this.sessions.sessionExpiresAt(token);
    const delay = expiresAt === undefined ? 0 : expiresAt - this.now();
    if (delay <= 0 && !first) {
      this.#expire(token);
      return;
    }
    if (delay <= 0) {
      // After the caller has registered what it opened, so that it is ended too.
      watched.timer = setTimeout(() => this.#expire(token), 0);
    } else {
      watched.timer = setTimeout(
        () => this.#schedule(token, watched),
        Math.min(delay, MAX_TIMER_MS),
      );
    }
    watched.timer.unref();
  }

  #expire(token: string): void {
    this.#watched.delete(token);
    this.events.emit({
      type: "session_ended",
      token,
      reason: "Your session has expired: sign in again",
    });
  }
}
